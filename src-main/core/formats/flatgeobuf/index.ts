export { flatgeobufFormat, FLATGEOBUF_MAX_BYTES } from './format.js';
export { readFlatGeobuf, isFlatGeobufHead, type FlatGeobufData } from './read.js';
export { planFlatGeobuf, writeFlatGeobuf, numberColumnName, type FlatGeobufWriteInput } from './write.js';
