import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asDatasetId, type DatasetId } from '../../../src-main/core/model/index.js';
import type { SearchQuery } from '../../../src-main/core/catalogue/search.js';
import type { CatalogueStore, DatasetRow, RecordFieldsRow } from '../../../src-main/core/ports/index.js';
import type { SqliteConnection } from '../../../src-main/node/store/sqlite.js';

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'strata-store-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A raster dataset row shaped like the import service writes (guangxi DEM, CGCS2000 geographic). */
export function rasterRow(n: number, overrides: Partial<DatasetRow> = {}): DatasetRow {
  const sha = n.toString(16).padStart(64, 'a');
  return {
    id: asDatasetId(`ds_${n.toString(16).padStart(16, '0')}`),
    name: `dem_${String(n)}.tif`,
    kind: 'raster',
    format: 'GeoTIFF',
    layer: null,
    info: {
      kind: 'raster',
      width: 1200,
      height: 900,
      bandCount: 1,
      dataType: 'Int16',
      pixelSize: [0.001, 0.001],
      origin: [107.5, 23.4],
      nodata: -32768,
      crs: {
        code: 'EPSG:4490',
        name: 'China Geodetic Coordinate System 2000',
        proj4: '+proj=longlat +ellps=GRS80 +no_defs',
        geographic: true,
        metresPerUnit: null,
      },
      extent: [107.5, 22.5, 108.7, 23.4],
    },
    sha256: sha,
    byteSize: 589_512,
    files: [{ name: `dem_${String(n)}.tif`, sha256: sha, size: 589_512 }],
    displayKey: sha,
    displayContentType: 'image/tiff',
    valueRange: [68, 1432],
    sourceId: null,
    status: 'draft',
    createdAt: '2024-05-01T08:00:00.000Z',
    createdBy: 'zhang.wei',
    ...overrides,
  };
}

export const firstRecord = (title: string, abstract = ''): RecordFieldsRow => ({
  title,
  abstract,
  level: '内部',
  period: '',
  attribution: '',
});

export const idOf = (n: number): DatasetId => rasterRow(n).id;

/**
 * Writes `rasterRow(n)` with the columns of schema version 1 only, as the catalogue of a version
 * before a migration holds it; a migration test then checks what the step does to it.
 */
export async function insertVersion1Raster(conn: SqliteConnection, n: number): Promise<DatasetRow> {
  const row = rasterRow(n);
  await conn.run(
    `INSERT INTO datasets (id, name, kind, format, info, sha256, byte_size, files, display_key, display_content_type,
       value_min, value_max, source_id, status, created_at, created_by)
     VALUES (?, ?, 'raster', 'GeoTIFF', ?, ?, ?, ?, ?, 'image/tiff', NULL, NULL, NULL, 'draft', ?, ?)`,
    [
      row.id,
      row.name,
      JSON.stringify(row.info),
      row.sha256,
      row.byteSize,
      JSON.stringify(row.files),
      row.displayKey,
      row.createdAt,
      row.createdBy,
    ],
  );
  return row;
}

/** The ids of the first page of active records matching `text`, best match first (ADR 0182). */
export async function searchIds(
  store: CatalogueStore,
  text: string,
  query: Partial<SearchQuery> = {},
): Promise<DatasetId[]> {
  const page = await store.search({
    text,
    facets: {},
    bbox: null,
    sort: 'relevance',
    offset: 0,
    limit: 50,
    ...query,
  });
  return page.hits.map((h) => h.id);
}
