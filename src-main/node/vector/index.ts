export { readVectorFile, VECTOR_BUDGET } from './read-vector-file.js';
