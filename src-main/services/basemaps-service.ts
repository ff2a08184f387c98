import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { BasemapView } from '../api/types.js';
import { checkBasemaps, serviceOrigins, type Basemap, type LocalBasemap } from '../core/basemaps/index.js';
import type { CatalogueStore } from '../core/ports/index.js';
import type { ServiceDeps } from './deps.js';

/** Logical path of a local basemap's tiles; hosts serve `<path>/<z>/<x>/<y>` (row from the top). */
export const basemapTilesPath = (id: string): string => `basemaps/${id}`;

/** The stored configuration (validated when it was set); none set means no basemap at all. */
export async function storedBasemaps(store: CatalogueStore): Promise<Basemap[]> {
  const value = await store.getSetting('basemaps');
  return Array.isArray(value) ? (value as Basemap[]) : [];
}

async function view(deps: ServiceDeps, basemap: Basemap): Promise<BasemapView> {
  if (basemap.kind === 'xyz' || basemap.kind === 'wmts') return { basemap, tiles: null, problem: null };
  try {
    const tileSet = await deps.tileSets.describe(basemap);
    return { basemap, tiles: { path: basemapTilesPath(basemap.id), tileSet }, problem: null };
  } catch (err) {
    if (!(err instanceof StrataError)) throw err;
    return { basemap, tiles: null, problem: { code: err.code, params: err.params } };
  }
}

/** `basemaps.list`: every configured basemap; a local tile set that cannot be read says why. */
export async function listBasemaps(deps: ServiceDeps): Promise<BasemapView[]> {
  return Promise.all((await storedBasemaps(deps.store)).map((b) => view(deps, b)));
}

/**
 * `basemaps.set` (ADR 0106): replaces the configuration. Refused whole, naming the basemap, when a
 * URL is not plain http(s) without credentials, ids repeat, placeholders are missing, or a local
 * tile set cannot be opened and read as one. The setting and its audit entry are one transaction.
 */
export async function setBasemaps(
  deps: ServiceDeps,
  ctx: CallContext,
  basemaps: readonly Basemap[],
): Promise<BasemapView[]> {
  const problem = checkBasemaps(basemaps);
  if (problem)
    throw new StrataError('INVALID_ARGUMENT', { detail: `detail.${problem.problem}`, id: problem.id });
  const local = basemaps.filter((b): b is LocalBasemap => b.kind === 'mbtiles' || b.kind === 'gpkg-tiles');
  for (const b of local) await deps.tileSets.describe(b);
  await deps.store.write(async (tx) => {
    await tx.putSetting('basemaps', basemaps, ctx.user);
    await tx.appendAudit({
      actor: ctx.user,
      action: 'basemaps.set',
      subject: null,
      details: {
        basemaps: basemaps.map((b) => `${b.id}:${b.kind}`).join(' '),
        origins: serviceOrigins(basemaps).join(' '),
      },
    });
  });
  return listBasemaps(deps);
}
