export { flatgeobufFormat, FLATGEOBUF_MAX_BYTES } from './format.js';
export { readFlatGeobuf, isFlatGeobufHead, type FlatGeobufData } from './read.js';
