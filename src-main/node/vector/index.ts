export { readVectorFile, VECTOR_BUDGET, type VectorFile } from './read-vector-file.js';
