import { corrupt, unsupported } from '../format-error.js';
import type { FormatModule, LayerRead } from '../format-module.js';
import { encodingFromCpg } from '../shapefile/encoding.js';
import { SHAPEFILE_BUDGET } from '../shapefile/format.js';
import { readShapefile } from '../shapefile/index.js';
import type { FormatInput } from '../../ports/format-input.js';
import { isZipHead, localNamesInHead, readZip } from './archive.js';
import { entriesWithExtension, zipEntryInput } from './zip-input.js';

/** The archive itself is read whole (its directory is at the end); this bounds it. */
export const ZIP_ARCHIVE_BUDGET = 512 * 1024 * 1024;

const SHAPEFILE_PARTS = /\.(shp|shx|dbf|prj|cpg)$/i;

const readPart = async (
  input: FormatInput | null,
  budget: number,
  part: string,
): Promise<Uint8Array | null> => (input === null ? null : input.readAll(budget, part));

/**
 * Shapefile sets delivered as one `.zip` (ADR 0146). Every `.shp` in the archive is a set, its
 * sidecars found beside it in the same archive folder; each set is a layer. With one set the
 * layer is unnamed (null), as for a set on disk; with several, each is named by its path inside
 * the archive without `.shp` (`roads`, `2019/roads`), which GDAL also uses as the layer name
 * (the stem). `--encoding` overrides the .cpg, as it would on disk.
 */
export const zipShapefileFormat: FormatModule = {
  id: 'Shapefile',
  kind: 'vector',
  extensions: ['zip'],
  label: { 'zh-CN': 'Shapefile 压缩包', en: 'Zipped shapefile' },
  detect({ name, head }) {
    if (!isZipHead(head)) return null;
    if (localNamesInHead(head).some((n) => SHAPEFILE_PARTS.test(n))) return 'content';
    return /\.zip$/i.test(name) ? 'name' : null;
  },
  async open(input, options) {
    const archive = readZip(await input.readAll(ZIP_ARCHIVE_BUDGET, 'ZIP'));
    const sets = entriesWithExtension(archive, 'shp');
    if (sets.length === 0) throw corrupt('zipNoShapefile');
    // The name travels as a .cpg would: the shapefile reader resolves it the same way.
    const override =
      options.encoding === undefined
        ? null
        : Uint8Array.from(options.encoding, (c) => c.charCodeAt(0) & 0xff);
    if (override !== null && encodingFromCpg(override) === null)
      throw unsupported('encodingName', { encoding: options.encoding ?? '' });
    const layers: LayerRead[] = [];
    for (const entry of sets) {
      const shp = zipEntryInput(archive, entry);
      const [shx, dbf, prj, cpg] = await Promise.all([
        shp.sibling('shx'),
        shp.sibling('dbf'),
        shp.sibling('prj'),
        shp.sibling('cpg'),
      ]);
      if (dbf === null) throw corrupt('shapefileNoDbf');
      const read = readShapefile({
        shp: await shp.readAll(SHAPEFILE_BUDGET.shpBytes, '.shp'),
        shx: await readPart(shx, SHAPEFILE_BUDGET.shpBytes, '.shx'),
        dbf: await dbf.readAll(SHAPEFILE_BUDGET.dbfBytes, '.dbf'),
        prj: await readPart(prj, SHAPEFILE_BUDGET.sidecarBytes, '.prj'),
        cpg: override ?? (await readPart(cpg, SHAPEFILE_BUDGET.sidecarBytes, '.cpg')),
      });
      const layer = sets.length === 1 ? null : entry.name.slice(0, -'.shp'.length);
      layers.push({ kind: 'vector', layer, info: read.info, features: read.features, notices: read.notices });
    }
    return layers;
  },
};
