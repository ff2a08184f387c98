export { SHEET_SCALES, SheetProblem, sheetAt, sheetFromCode } from './sheet-number.js';
export type { Sheet, SheetNeighbours, SheetScale } from './sheet-number.js';
