export * from './config.js';
export { httpOrigin, type UrlProblem } from './http-url.js';
export * from './tile-set.js';
