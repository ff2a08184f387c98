import type { CrsInfo } from '../model/index.js';
import { EPSG_TABLE, type EpsgRow } from './epsg-table.js';
import { isGeographicProj4, metresPerUnitOfProj4 } from './units.js';

let byCode: ReadonlyMap<number, EpsgRow> | null = null;

function table(): ReadonlyMap<number, EpsgRow> {
  byCode ??= new Map(EPSG_TABLE.map((row) => [row[0], row]));
  return byCode;
}

/** All registry rows (bundled EPSG subset, see ADR 0020). */
export const registryRows = (): readonly EpsgRow[] => EPSG_TABLE;

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
  const row = table().get(code);
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
  return table().get(code)?.[3] ?? null;
}
