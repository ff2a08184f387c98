export {
  createCrsRegistry,
  crsFromEpsg,
  crsFromCode,
  datumOfEpsg,
  installCrsRegistry,
  registryRows,
  type CrsRegistry,
  type EpsgRow,
} from './registry.js';
export { crsFromWkt } from './from-wkt.js';
export { crsFromProj4, geographicCodeOfShift, type CrsHints } from './from-proj4.js';
export { projParams, type ProjParams } from './proj-params.js';
export { createTransform, transformPlan, type TransformPlan } from './transform.js';
export { metresPerUnitOfProj4, isGeographicProj4 } from './units.js';
export { crsNameKey, nameFacts, type NameFacts } from './crs-names.js';
export {
  detectZonePrefix,
  importCrsDecision,
  type ImportCrsDecision,
  type ZonePrefixFinding,
} from './zone-prefix.js';
export { chineseCrsName } from './names-zh.js';
export { searchCrs, type CrsSearchHit } from './search.js';
export {
  installDatumShifts,
  loadedShiftSummary,
  datumShiftFor,
  type DatumShift,
  type DatumShiftUse,
} from './datum-shifts.js';
export { describeTransform } from './transform.js';
export { lonLatBox } from './lon-lat-box.js';
export { parseDatumShifts, DATUM_SHIFT_FORMAT, type DatumShiftFileProblem } from './datum-shift-file.js';
export { boxOf, edgePoints } from './edge-samples.js';
