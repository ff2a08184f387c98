export { geopackageFormat } from './format.js';
export { readWkb } from './wkb.js';
export { readGeometryBlob } from './geometry-blob.js';
