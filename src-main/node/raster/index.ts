export { openFileSource, type ClosableByteSource } from '../fs/file-source.js';
export { readRasterInfo, withGeoTiff } from './geotiff-file.js';
export { rasterValueRange } from './value-range.js';
export { resampleToPublic } from './resample.js';
export { writeWorkingCopy, noCopyReason, type WorkingCopyOutcome } from './working-copy.js';
export { createWorkingCopier, type WorkingCopier, type WorkingCopierOptions } from './working-copy-client.js';
export {
  createResampler,
  RESAMPLE_LIMITS,
  type Resampler,
  type ResamplerOptions,
} from './resample-client.js';
