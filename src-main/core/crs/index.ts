export { crsFromEpsg, crsFromCode } from './registry.js';
export { crsFromWkt } from './from-wkt.js';
export { createTransform } from './transform.js';
export { metresPerUnitOfProj4, isGeographicProj4 } from './units.js';
