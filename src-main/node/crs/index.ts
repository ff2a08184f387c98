export { EPSG_RESOURCE, installBundledCrs, loadCrsRegistry, validEpsgRows } from './epsg-resource.js';
