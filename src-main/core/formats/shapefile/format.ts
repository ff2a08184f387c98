import { corrupt } from '../format-error.js';
import type { FileHead, FormatModule } from '../format-module.js';
import type { FormatInput } from '../../ports/format-input.js';
import { metadataSidecars, sidecarTexts } from '../metadata-sidecars.js';
import { readShapefile, SHAPEFILE_LIMITS } from './read.js';
import { readDbf } from './dbf.js';

/** Size budgets, checked before any byte of a part is read. */
export const SHAPEFILE_BUDGET = {
  shpBytes: 1024 * 1024 * 1024,
  dbfBytes: 1024 * 1024 * 1024,
  sidecarBytes: 64 * 1024,
} as const;

/** Main-file magic: file code 9994 big-endian, version 1000 little-endian, a 100-byte header. */
const isShpHead = ({ head: h }: FileHead): boolean =>
  h.length >= 100 &&
  h[0] === 0 &&
  h[1] === 0 &&
  h[2] === 0x27 &&
  h[3] === 0x0a &&
  h[28] === 0xe8 &&
  h[29] === 0x03;

const readPart = async (
  input: FormatInput | null,
  budget: number,
  part: string,
): Promise<Uint8Array | null> => (input === null ? null : input.readAll(budget, part));

/**
 * A shapefile set, opened from its .shp: the sidecars (.shx .dbf .prj .cpg) are found beside it.
 * Without its attribute table the set is refused, since its shapes' meaning is lost; an index is
 * redundant with the .shp, so a missing or inconsistent one is rebuilt and said (ADR 0096). Its
 * metadata sidecars (.shp.xml) join the stored set.
 */
export const shapefileFormat: FormatModule = {
  id: 'Shapefile',
  kind: 'vector',
  extensions: ['shp'],
  label: { 'zh-CN': 'Shapefile 矢量', en: 'Shapefile vector' },
  detect: (file) => (isShpHead(file) ? 'content' : null),
  async open(input) {
    const [shx, dbf, prj, cpg] = await Promise.all([
      input.sibling('shx'),
      input.sibling('dbf'),
      input.sibling('prj'),
      input.sibling('cpg'),
    ]);
    if (dbf === null) throw corrupt('shapefileNoDbf');
    const [shpBytes, shxBytes, dbfBytes, prjBytes, cpgBytes] = await Promise.all([
      input.readAll(SHAPEFILE_BUDGET.shpBytes, '.shp'),
      readPart(shx, SHAPEFILE_BUDGET.shpBytes, '.shx'),
      dbf.readAll(SHAPEFILE_BUDGET.dbfBytes, '.dbf'),
      readPart(prj, SHAPEFILE_BUDGET.sidecarBytes, '.prj'),
      readPart(cpg, SHAPEFILE_BUDGET.sidecarBytes, '.cpg'),
    ]);
    const read = readShapefile({ shp: shpBytes, shx: shxBytes, dbf: dbfBytes, prj: prjBytes, cpg: cpgBytes });
    await metadataSidecars(input);
    return [{ kind: 'vector', layer: null, info: read.info, features: read.features, notices: read.notices }];
  },
  /** Records flagged deleted (decoded in the table's encoding) and the metadata sidecars (.shp.xml). */
  async hidden(input) {
    const [dbf, cpg] = await Promise.all([input.sibling('dbf'), input.sibling('cpg')]);
    const sidecars = await sidecarTexts(input);
    if (dbf === null) return sidecars;
    const table = readDbf(
      await dbf.readAll(SHAPEFILE_BUDGET.dbfBytes, '.dbf'),
      await readPart(cpg, SHAPEFILE_BUDGET.sidecarBytes, '.cpg'),
      { maxRecords: SHAPEFILE_LIMITS.maxRecords, deleted: true },
    );
    const deleted = table.deleted.map((d) => ({
      part: 'dbf.deleted-record' as const,
      name: `record ${String(d.record)}`,
      text: Object.values(d.values)
        .filter((v) => v !== null && v !== '')
        .map(String)
        .join(' | '),
    }));
    return [...deleted.filter((d) => d.text !== ''), ...sidecars];
  },
};
