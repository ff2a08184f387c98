import type { CrsInfo } from '../model/index.js';
import { isGeographicProj4, metresPerUnitOfProj4 } from './units.js';

/** One CRS of the bundled EPSG subset: code, name, proj4 definition, datum name as in the EPSG WKT. */
export type EpsgRow = readonly [code: number, name: string, proj4: string, datum: string];

/** The EPSG subset a process knows, indexed by code (ADR 0020). */
export interface CrsRegistry {
  readonly rows: readonly EpsgRow[];
  byCode(code: number): EpsgRow | undefined;
}

/** A registry over `rows` (the host loads them from resources/crs/epsg.json; ADR 0068). */
export function createCrsRegistry(rows: readonly EpsgRow[]): CrsRegistry {
  const index = new Map(rows.map((row) => [row[0], row]));
  return { rows, byCode: (code) => index.get(code) };
}

// Process-wide, because every format reader, review rule and transform identifies CRSs by code
// and runs in the main process or a parse worker alike; each entry point installs the table once
// before any file is read (ADR 0068).
let installed: CrsRegistry | null = null;

/** Makes `registry` the one every lookup below uses, in this process or worker thread. */
export function installCrsRegistry(registry: CrsRegistry): void {
  installed = registry;
}

function registry(): CrsRegistry {
  if (installed === null)
    throw new Error('CRS registry not installed: the host loads resources/crs/epsg.json at start');
  return installed;
}

/** All registry rows (bundled EPSG subset, see ADR 0020). */
export const registryRows = (): readonly EpsgRow[] => registry().rows;

/** Builds the CrsInfo for a registry row. */
export function crsFromRow(row: EpsgRow): CrsInfo {
  const [code, name, proj4] = row;
  return {
    code: `EPSG:${String(code)}`,
    name,
    proj4,
    geographic: isGeographicProj4(proj4),
    metresPerUnit: metresPerUnitOfProj4(proj4),
  };
}

/**
 * Looks up an EPSG code in the bundled registry (geographic and projected 2D CRSs; see
 * src-main/core/crs/README.md for what is covered). Coordinates in the returned CRS are always
 * handled x = easting/longitude first, whatever the EPSG axis order says.
 */
export function crsFromEpsg(code: number): CrsInfo | null {
  if (!Number.isInteger(code)) return null;
  const row = registry().byCode(code);
  return row === undefined ? null : crsFromRow(row);
}

/** Parses `EPSG:nnnn` (also `epsg:nnnn`, `urn:ogc:def:crs:EPSG::nnnn`, OGC `CRS84` = EPSG:4326). */
export function crsFromCode(code: string): CrsInfo | null {
  const text = code.trim();
  if (/^(urn:ogc:def:crs:OGC:(1\.3)?:CRS84|OGC:CRS84|CRS:84|CRS84)$/i.test(text)) return crsFromEpsg(4326);
  const m =
    /^(?:EPSG:|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/\d+\/)(\d{1,6})$/i.exec(
      text,
    );
  return m?.[1] === undefined ? null : crsFromEpsg(Number(m[1]));
}

/** Datum name of a registry CRS as its EPSG WKT spells it (e.g. `Beijing_1954`); null if unknown. */
export function datumOfEpsg(code: number): string | null {
  return registry().byCode(code)?.[3] ?? null;
}
