export { openFileSource, type ClosableByteSource } from '../fs/file-source.js';
export { readRasterInfo, withGeoTiff } from './geotiff-file.js';
export { rasterValueRange } from './value-range.js';
export { resampleToPublic } from './resample.js';
