export { EPSG_RESOURCE, installBundledCrs, loadCrsRegistry, validEpsgRows } from './epsg-resource.js';
export { crsWorkerData, installWorkerCrs } from './worker-crs.js';
