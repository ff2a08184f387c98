export { openFile } from './open-file.js';
export { openFileInputs, type FileInputs } from './file-input.js';
