export {
  readShapefile,
  SHAPEFILE_LIMITS,
  type ShapefileParts,
  type ShapefileLimits,
  type ShapefileData,
} from './read.js';
