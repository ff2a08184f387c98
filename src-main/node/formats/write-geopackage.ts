import { rename, rm } from 'node:fs/promises';
import {
  GPKG_APPLICATION_ID,
  GPKG_USER_VERSION,
  epsgNumber,
  geoPackagePlan,
} from '../../core/formats/geopackage/write-schema.js';
import type { GeoPackageLayer } from '../../core/ports/index.js';
import { syncFile } from '../fs/durable-fs.js';
import { SqliteConnection } from '../store/sqlite.js';

/** Rows per INSERT transaction batch: one transaction for the lot, statements reused. */
const BATCH = 1_000;

/**
 * Writes `layer` as a fresh GeoPackage at `file` (ADR 0186): a new SQLite file built from the
 * plan's statements in one transaction, then VACUUMed so no page is free, checked (no free page,
 * `integrity_check` ok), fsynced, and only then renamed into place. Throws when the layer's CRS has
 * no EPSG code (the caller refuses that output first).
 */
export async function writeGeoPackage(file: string, layer: GeoPackageLayer): Promise<void> {
  const srsId = epsgNumber(layer.crs);
  if (srsId === null) throw new Error('a GeoPackage output needs an EPSG code');
  const temp = `${file}.partial`;
  await rm(temp, { force: true });
  const db = await SqliteConnection.open(temp, { create: true, serialized: true });
  try {
    await db.exec(
      `PRAGMA secure_delete = ON; PRAGMA application_id = ${String(GPKG_APPLICATION_ID)}; PRAGMA user_version = ${String(GPKG_USER_VERSION)};`,
    );
    const plan = geoPackagePlan(layer, srsId);
    await db.exec('BEGIN');
    for (const statement of plan.statements) await db.run(statement);
    let pending: Promise<unknown>[] = [];
    for (const row of plan.rows()) {
      pending.push(
        db.run(
          plan.insert,
          row.map((v) => (v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v)),
        ),
      );
      if (pending.length >= BATCH) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);
    await db.exec('COMMIT');
    await db.exec('VACUUM');
    const free = await db.get<{ freelist_count: number }>('PRAGMA freelist_count');
    const check = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    if (free?.freelist_count !== 0 || check.length !== 1 || check[0]?.integrity_check !== 'ok')
      throw new Error('the GeoPackage written did not check clean');
  } catch (error) {
    await db.close();
    await rm(temp, { force: true });
    throw error;
  }
  await db.close();
  await syncFile(temp);
  await rename(temp, file);
}
