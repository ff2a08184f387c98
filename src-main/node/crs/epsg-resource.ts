import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  createCrsRegistry,
  installCrsRegistry,
  type CrsRegistry,
  type EpsgRow,
} from '../../core/crs/index.js';

/** Where the bundled EPSG table sits under the app's resources folder (build/gen-epsg-table.mjs writes it). */
export const EPSG_RESOURCE = path.join('crs', 'epsg.json');

const row = z.tuple([
  z.number().int().positive(),
  z.string().min(1),
  z.string().startsWith('+proj='),
  z.string(),
]);
const rows = z.array(row).min(1);
const resource = z.object({
  source: z.string().min(1),
  columns: z.tuple([z.literal('code'), z.literal('name'), z.literal('proj4'), z.literal('datum')]),
  rows,
});

/** Checks rows (from the resource or handed over to a worker): well-formed, codes strictly ascending. */
export function validEpsgRows(data: unknown): EpsgRow[] {
  const parsed = rows.parse(data);
  for (let i = 1; i < parsed.length; i += 1) {
    const [previous, current] = [parsed[i - 1]?.[0] ?? 0, parsed[i]?.[0] ?? 0];
    if (current <= previous) throw new Error(`EPSG table: code ${String(current)} out of order or repeated`);
  }
  return parsed;
}

/** Reads and validates the EPSG table under `resourcesDir`; a missing or damaged table fails the start. */
export async function loadCrsRegistry(resourcesDir: string): Promise<CrsRegistry> {
  const file = path.join(resourcesDir, EPSG_RESOURCE);
  const text = await readFile(file, 'utf8');
  const table = resource.safeParse(JSON.parse(text));
  if (!table.success) throw new Error(`EPSG table ${EPSG_RESOURCE} is malformed: ${table.error.message}`);
  return createCrsRegistry(validEpsgRows(table.data.rows));
}

/** Loads the bundled table and makes it this process's CRS registry. */
export async function installBundledCrs(resourcesDir: string): Promise<void> {
  installCrsRegistry(await loadCrsRegistry(resourcesDir));
}
