export * from './bag-layout.js';
export * from './bagit-declaration.js';
export * from './bag-info.js';
export * from './strata-bag-info.js';
export * from './manifest.js';
export * from './path-safety.js';
export * from './completeness.js';
export * from './bag-plan.js';
