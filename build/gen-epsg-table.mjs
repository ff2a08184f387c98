// Generates resources/crs/epsg.json from the pinned `epsg-index` devDependency (ADR 0020, 0068).
// Run after bumping epsg-index: `node build/gen-epsg-table.mjs [OUT]` (default: the committed
// resource). The output is committed; the app never reads epsg-index at run time. Same input, same
// bytes: rows sorted by code, one row a line, no timestamps — a test regenerates it and compares.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { writeFileSync, renameSync, openSync, fsyncSync, closeSync } from 'node:fs';
import proj4 from 'proj4';

const require = createRequire(import.meta.url);
const all = require('epsg-index/all.json');
const { version } = require('epsg-index/package.json');
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = path.resolve(process.argv[2] ?? path.join(root, 'resources', 'crs', 'epsg.json'));

/**
 * No grid files ship with the app (and proj4js yields NaN when a named grid is missing), so grid
 * shifts are dropped: such CRSs transform with the ellipsoid change only (metre-level error, fine
 * for display and extents). `@null` (3857) is kept.
 */
const cleanProj4 = (p) =>
  p
    .replace(/\s*\+type=crs/g, '')
    .replace(/\s*\+no_defs/g, '')
    .replace(/\s*\+nadgrids=(?!@null\b)\S+/g, '')
    .trim();

/** True when proj4js (the app's transform engine) can build the definition. */
const expressible = (definition) => {
  try {
    new proj4.Proj(definition);
    return true;
  } catch {
    return false;
  }
};

// Every 2D geographic and projected CRS of epsg-index that proj4js can build (ADR 0100): a file on
// any datum resolves to a code, and a user finds any code (EPSG:31985 …) offline.
const rows = [];
for (const entry of Object.values(all)) {
  const code = Number(entry.code);
  if (!Number.isInteger(code) || !entry.proj4 || !entry.wkt) continue;
  const datum = /DATUM\["([^"]+)"/.exec(entry.wkt)?.[1] ?? '';
  const geographic = entry.kind === 'CRS-GEOGCRS';
  const projected = entry.kind === 'CRS-PROJCRS';
  if (!geographic && !projected) continue;
  if (/deprecated/i.test(entry.name)) continue;
  if (geographic && !entry.proj4.includes('+proj=longlat')) continue;
  const definition = cleanProj4(entry.proj4);
  if (!expressible(definition)) continue;
  rows.push([code, entry.name, definition, datum]);
}
rows.sort((a, b) => a[0] - b[0]);

// Pretty enough to review in a diff (one CRS a line), exact enough to reproduce byte for byte.
const lines = [
  '{',
  `  "source": ${JSON.stringify(`epsg-index@${version}`)},`,
  '  "columns": ["code", "name", "proj4", "datum"],',
  '  "rows": [',
  rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n'),
  '  ]',
  '}',
  '',
];
const tmp = `${target}.tmp`;
writeFileSync(tmp, lines.join('\n'));
const fd = openSync(tmp, 'r');
fsyncSync(fd);
closeSync(fd);
renameSync(tmp, target);
console.log(`wrote ${rows.length} CRSs to ${path.basename(target)}`);
