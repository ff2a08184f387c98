export * from './ids.js';
export * from './geometry.js';
export * from './secrecy.js';
export * from './dataset.js';
export * from './finding.js';
export * from './vector.js';
export * from './verification.js';
export * from './roles.js';
