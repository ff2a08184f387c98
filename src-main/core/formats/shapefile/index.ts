export {
  readShapefile,
  SHAPEFILE_LIMITS,
  type ShapefileParts,
  type ShapefileLimits,
  type ShapefileData,
  type ShapefileNotice,
} from './read.js';
