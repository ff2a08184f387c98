export {
  parseGeoJson,
  parseGeoJsonChunks,
  GEOJSON_MAX_CHARS,
  GEOJSON_MAX_TREE_BYTES,
  type GeoJsonOptions,
  type GeoJsonStreamOptions,
  type VectorData,
} from './parse.js';
export { TREE_COST, type ChunkReader } from './budgeted-json.js';
export { writeGeoJson, type GeoJsonWriteInput } from './write.js';
