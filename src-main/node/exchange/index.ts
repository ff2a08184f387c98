export * from './write-bag.js';
export * from './verify-bag.js';
export * from './keystore.js';
export * from './stage-bag.js';
export * from './trusted-keys.js';
