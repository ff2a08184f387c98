export * from './write-bag.js';
export * from './verify-bag.js';
export * from './keystore.js';
