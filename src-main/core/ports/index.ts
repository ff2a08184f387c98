export type { ByteSource } from './byte-source.js';
export type * from './catalogue-store.js';
