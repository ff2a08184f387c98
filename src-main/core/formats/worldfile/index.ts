export { parseWorldFile, worldFileNames, WORLD_FILE_MAX_BYTES } from './world-file.js';
export { IMAGE_HEADER_BYTES, isJpeg, isPng, readImageHeader, type ImageHeader } from './image-header.js';
export { decodePng, PNG_MAX_SAMPLES, type PngImage } from './png.js';
export { scanRasterInfo, type ScanPixels } from './scan.js';
export { checkScanBudget, decodeScan, scanDecodeBytes, SCAN_DECODE_BYTES } from './decode-scan.js';
export { hasWorldFile, placeByWorldFile, worldFileExtensions } from './side-files.js';
export { jpegFormat, pngFormat } from './format.js';
