// Sheet numbers of the national basic-scale topographic maps (GB/T 13989-2012, 国家基本比例尺地形图
// 分幅和编号): a 1:1,000,000 sheet is 6° of longitude by 4° of latitude, named by its row letter
// (A = 0°–4°N ... V = 84°–88°N) and column number (1 = 180°W–174°W ... 60); a larger-scale sheet
// adds its scale letter (B ... H) and its row and column inside that sheet, three digits each,
// counted from the north-west corner: J50E001001. All arithmetic is on integers of half an arc
// second, the largest unit every sheet edge is a whole multiple of, so corners are exact.

export type SheetScale = 1_000_000 | 500_000 | 250_000 | 100_000 | 50_000 | 25_000 | 10_000 | 5_000;

const UNITS_PER_DEGREE = 7200;
const UNITS_PER_MINUTE = 120;
const degrees = (n: number): number => n * UNITS_PER_DEGREE;
const minutes = (n: number): number => n * UNITS_PER_MINUTE;
const MILLION_LON = degrees(6);
const MILLION_LAT = degrees(4);
const ROW_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUV';
const COLUMNS = 60;

interface ScaleSpec {
  readonly scale: SheetScale;
  /** Scale letter in the code; '' for 1:1,000,000. */
  readonly letter: string;
  /** Sheet size in half arc seconds. */
  readonly lon: number;
  readonly lat: number;
}

const SCALES: readonly ScaleSpec[] = [
  { scale: 1_000_000, letter: '', lon: MILLION_LON, lat: MILLION_LAT },
  { scale: 500_000, letter: 'B', lon: degrees(3), lat: degrees(2) },
  { scale: 250_000, letter: 'C', lon: minutes(90), lat: degrees(1) },
  { scale: 100_000, letter: 'D', lon: minutes(30), lat: minutes(20) },
  { scale: 50_000, letter: 'E', lon: minutes(15), lat: minutes(10) },
  { scale: 25_000, letter: 'F', lon: minutes(7.5), lat: minutes(5) },
  { scale: 10_000, letter: 'G', lon: minutes(3.75), lat: minutes(2.5) },
  { scale: 5_000, letter: 'H', lon: minutes(1.875), lat: minutes(1.25) },
];

/** The scales a sheet number can have, largest sheet first. */
export const SHEET_SCALES: readonly SheetScale[] = SCALES.map((s) => s.scale);

/** A sheet on its scale's world grid: column from 180°W eastwards, row from the equator northwards. */
interface GridCell {
  readonly spec: ScaleSpec;
  readonly column: number;
  readonly row: number;
}

export interface SheetNeighbours {
  readonly northWest: string | null;
  readonly north: string | null;
  readonly northEast: string | null;
  readonly west: string | null;
  readonly east: string | null;
  readonly southWest: string | null;
  readonly south: string | null;
  readonly southEast: string | null;
}

export interface Sheet {
  /** The normalised number (upper case). */
  readonly code: string;
  readonly scale: SheetScale;
  /** Corners in CGCS2000 degrees: [west, south, east, north]. */
  readonly bounds: readonly [number, number, number, number];
  /** The same corners as degrees, minutes and seconds (e.g. 116°15′00″). */
  readonly boundsDms: readonly [string, string, string, string];
  /** The 接图表: the eight adjoining sheets of the same scale (null beyond 0°–88°N). */
  readonly neighbours: SheetNeighbours;
}

/** Why a code, scale or point names no sheet (a message detail key and its parameters). */
export class SheetProblem extends Error {
  constructor(
    readonly detail: 'detail.sheetCode' | 'detail.sheetScale' | 'detail.sheetPoint',
    readonly params: Readonly<Record<string, string>>,
  ) {
    super(detail);
  }
}

const CODE = /^([A-V])(\d{2})(?:([B-H])(\d{3})(\d{3}))?$/;

const perMillion = (spec: ScaleSpec): [number, number] => [MILLION_LON / spec.lon, MILLION_LAT / spec.lat];
const rowsOnEarth = (spec: ScaleSpec): number => ROW_LETTERS.length * perMillion(spec)[1];
const columnsOnEarth = (spec: ScaleSpec): number => COLUMNS * perMillion(spec)[0];

function parseCell(text: string): GridCell {
  const code = text.trim().toUpperCase();
  const match = CODE.exec(code);
  const bad = (): SheetProblem => new SheetProblem('detail.sheetCode', { code: text });
  if (match === null) throw bad();
  const [, rowLetter = '', millionColumn = '', letter = '', rowText, columnText] = match;
  const column = Number(millionColumn);
  if (column < 1 || column > COLUMNS) throw bad();
  const spec = SCALES.find((s) => s.letter === letter);
  if (spec === undefined) throw bad();
  const [across, down] = perMillion(spec);
  const r = rowText === undefined ? 1 : Number(rowText);
  const c = columnText === undefined ? 1 : Number(columnText);
  if (r < 1 || r > down || c < 1 || c > across) throw bad();
  return {
    spec,
    column: (column - 1) * across + (c - 1),
    row: ROW_LETTERS.indexOf(rowLetter) * down + (down - r),
  };
}

function cellCode({ spec, column, row }: GridCell): string {
  const [across, down] = perMillion(spec);
  const million = `${ROW_LETTERS[Math.floor(row / down)] ?? ''}${String(Math.floor(column / across) + 1).padStart(2, '0')}`;
  if (spec.letter === '') return million;
  const r = down - (row % down);
  const c = (column % across) + 1;
  return `${million}${spec.letter}${String(r).padStart(3, '0')}${String(c).padStart(3, '0')}`;
}

/** The cell `dc` columns east and `dr` rows north; longitude wraps, latitude stops at 0° and 88°N. */
function neighbour(cell: GridCell, dc: number, dr: number): string | null {
  const row = cell.row + dr;
  if (row < 0 || row >= rowsOnEarth(cell.spec)) return null;
  const columns = columnsOnEarth(cell.spec);
  return cellCode({ ...cell, row, column: (cell.column + dc + columns) % columns });
}

function dms(units: number): string {
  const sign = units < 0 ? '-' : '';
  const halfSeconds = Math.abs(units);
  const d = Math.floor(halfSeconds / UNITS_PER_DEGREE);
  const m = Math.floor((halfSeconds % UNITS_PER_DEGREE) / UNITS_PER_MINUTE);
  const seconds = (halfSeconds % UNITS_PER_MINUTE) / 2;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${String(d)}°${two(m)}′${two(Math.floor(seconds))}${seconds % 1 === 0 ? '' : '.5'}″`;
}

const toDegrees = (units: number): number => units / UNITS_PER_DEGREE;

function sheetOf(cell: GridCell): Sheet {
  const west = cell.column * cell.spec.lon - 180 * UNITS_PER_DEGREE;
  const south = cell.row * cell.spec.lat;
  const edges = [west, south, west + cell.spec.lon, south + cell.spec.lat] as const;
  const at = (dc: number, dr: number): string | null => neighbour(cell, dc, dr);
  return {
    code: cellCode(cell),
    scale: cell.spec.scale,
    bounds: [toDegrees(edges[0]), toDegrees(edges[1]), toDegrees(edges[2]), toDegrees(edges[3])],
    boundsDms: [dms(edges[0]), dms(edges[1]), dms(edges[2]), dms(edges[3])],
    neighbours: {
      northWest: at(-1, 1),
      north: at(0, 1),
      northEast: at(1, 1),
      west: at(-1, 0),
      east: at(1, 0),
      southWest: at(-1, -1),
      south: at(0, -1),
      southEast: at(1, -1),
    },
  };
}

/** The sheet a GB/T 13989 number names (J50, J50B001002, J50E001001 ...); throws SheetProblem. */
export function sheetFromCode(code: string): Sheet {
  return sheetOf(parseCell(code));
}

/**
 * The sheet of `scale` that holds the point (CGCS2000 longitude, latitude in degrees). A point on
 * an edge belongs to the sheet east and north of it, as the standard's formula counts.
 */
export function sheetAt(lon: number, lat: number, scale: number): Sheet {
  const spec = SCALES.find((s) => s.scale === scale);
  if (spec === undefined)
    throw new SheetProblem('detail.sheetScale', { scale: String(scale), scales: SHEET_SCALES.join(', ') });
  const top = toDegrees(ROW_LETTERS.length * MILLION_LAT);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon >= 180 || lat < 0 || lat >= top)
    throw new SheetProblem('detail.sheetPoint', { lon: String(lon), lat: String(lat) });
  // Rounded to a thousandth of a unit first, so 116.25 falls on its edge and not just west of it.
  const units = (degrees: number): number => Math.round(degrees * UNITS_PER_DEGREE * 1000) / 1000;
  return sheetOf({
    spec,
    column: Math.floor(units(lon + 180) / spec.lon),
    row: Math.floor(units(lat) / spec.lat),
  });
}
