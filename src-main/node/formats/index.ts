export { openFile } from './open-file.js';
export { openHidden } from './open-hidden.js';
export { displayBuffers, openForImport } from './open-for-import.js';
export { openFileInputs, type FileInputs } from './file-input.js';
export { writeGeoPackage } from './write-geopackage.js';
