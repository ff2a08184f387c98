export { parseGeoJson, GEOJSON_MAX_CHARS, type GeoJsonOptions, type VectorData } from './parse.js';
export { writeGeoJson, type GeoJsonWriteInput } from './write.js';
