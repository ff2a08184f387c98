import type { DatasetRow, DatasetStatus, RecordFieldsRow } from '../../src-main/core/ports/index.js';
import { asDatasetId, SECRECY_LEVELS } from '../../src-main/core/model/index.js';

// Realistic catalogue records for the search bench (ADR 0182): titles and abstracts built the way
// 成果地质资料 are named (place + mineral + work + document), 形成单位 from provinces × institute
// types, years 1953–2025, extents inside China from a 1:5,000 sheet to a province. Deterministic.

const PROVINCES = [
  ['湖南', '郴州', '衡阳', '湘西', '永州'],
  ['江西', '赣州', '九江', '上饶', '宜春'],
  ['广西', '桂林', '南宁', '百色', '河池'],
  ['云南', '个旧', '曲靖', '文山', '大理'],
  ['内蒙古', '赤峰', '包头', '锡林郭勒', '鄂尔多斯'],
  ['新疆', '哈密', '阿勒泰', '和田', '喀什'],
  ['西藏', '日喀则', '那曲', '林芝', '阿里'],
  ['四川', '攀枝花', '凉山', '甘孜', '阿坝'],
  ['甘肃', '金昌', '白银', '酒泉', '陇南'],
  ['山东', '招远', '莱州', '临沂', '烟台'],
  ['河南', '洛阳', '南阳', '三门峡', '信阳'],
  ['贵州', '铜仁', '遵义', '黔东南', '毕节'],
] as const;
// Lon/lat centre of each province above, degrees.
const CENTRES: readonly (readonly [number, number])[] = [
  [111.7, 27.6],
  [115.9, 27.6],
  [108.3, 23.8],
  [101.5, 24.9],
  [113.0, 43.5],
  [86.5, 41.5],
  [89.1, 31.4],
  [102.7, 30.6],
  [100.9, 38.0],
  [118.2, 36.3],
  [113.6, 33.9],
  [106.7, 26.8],
];
const MINERALS = [
  '钨矿',
  '锡矿',
  '铜矿',
  '金矿',
  '铅锌矿',
  '稀土矿',
  '铁矿',
  '锰矿',
  '铝土矿',
  '钼矿',
  '锑矿',
  '萤石矿',
  '磷矿',
  '煤炭',
  '石墨',
  '锂矿',
  '银矿',
  '镍矿',
];
const WORKS = [
  '普查',
  '详查',
  '勘探',
  '预查',
  '区域地质调查',
  '矿产远景调查',
  '水文地质调查',
  '地球化学测量',
  '航磁测量',
  '遥感解译',
  '工程地质勘察',
  '环境地质调查',
];
const DOCS = ['报告', '成果报告', '地质图', '说明书', '综合研究报告', '阶段性报告', '数据集', '图件'];
const INSTITUTES = [
  '地质调查院',
  '地质矿产勘查开发局',
  '有色地质勘查局',
  '核工业地质局',
  '煤田地质局',
  '地质勘查院',
  '测绘院',
  '地质研究所',
];
const ROCKS = ['花岗岩', '灰岩', '砂岩', '页岩', '片麻岩', '玄武岩', '白云岩', '闪长岩', '板岩', '石英岩'];
const STRATA = [
  '寒武系',
  '奥陶系',
  '志留系',
  '泥盆系',
  '石炭系',
  '二叠系',
  '三叠系',
  '侏罗系',
  '白垩系',
  '第四系',
];
const SCALES = ['1:5万', '1:20万', '1:25万', '1:1万', '1:5000', '1:50万'];
const CATEGORIES = [
  '区域地质调查',
  '矿产勘查',
  '水文地质',
  '工程地质',
  '环境地质',
  '地球物理',
  '地球化学',
  '遥感地质',
  '海洋地质',
  '地质科研',
];
const STATUSES: readonly DatasetStatus[] = [
  'draft',
  'draft',
  'draft',
  'reviewed',
  'reviewed',
  'public-version',
  'exported',
];

/** Bumped whenever the records generated change: the bench's cached catalogues are keyed by it. */
export const GENERATOR_VERSION = 1;

/** Park–Miller minimal standard generator: the same records on every run. */
export function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

export interface GeneratedRecord {
  readonly row: DatasetRow;
  readonly record: RecordFieldsRow;
}

/** Record number `n` (0-based) of the bench catalogue. */
export function generatedRecord(n: number, r: () => number): GeneratedRecord {
  const p = Math.floor(r() * PROVINCES.length);
  const [province, ...cities] = PROVINCES[p] ?? PROVINCES[0];
  const city = pick(r, cities);
  const mineral = pick(r, MINERALS);
  const work = pick(r, WORKS);
  const year = 1953 + Math.floor(r() * r() * 73); // more recent years more often
  const title = `${province}省${city}${pick(r, ['北部', '南部', '东部', '西部', '某'])}${mineral}${work}${pick(r, DOCS)}`;
  const abstract =
    `${String(year)}年${province}${city}地区${pick(r, SCALES)}${work}成果。区内出露${pick(r, STRATA)}${pick(r, ROCKS)}，` +
    `${mineral}化体受${pick(r, ['断裂', '褶皱', '接触带', '层间破碎带'])}控制，圈定异常${String(1 + Math.floor(r() * 40))}处，` +
    `估算${pick(r, MINERALS)}资源量，提出下一步${pick(r, WORKS)}建议。`;
  const unit = `${province}省${pick(r, INSTITUTES)}${pick(r, ['', '第一分院', '第二大队', '第四〇八队', '测试中心'])}`;
  const [lon, lat] = CENTRES[p] ?? [110, 30];
  const size = 0.02 + r() * r() * 2;
  const x0 = lon + (r() - 0.5) * 6;
  const y0 = lat + (r() - 0.5) * 4;
  const hex = n.toString(16).padStart(16, '0');
  const sha = n.toString(16).padStart(64, '0');
  const row: DatasetRow = {
    id: asDatasetId(`ds_${hex}`),
    name: `${hex}.tif`,
    kind: 'raster',
    format: 'GeoTIFF',
    layer: null,
    info: {
      kind: 'raster',
      width: 1000,
      height: 1000,
      bandCount: 1,
      dataType: 'Int16',
      pixelSize: [size / 1000, size / 1000],
      origin: [x0, y0 + size],
      nodata: null,
      crs: {
        code: 'EPSG:4490',
        name: 'China Geodetic Coordinate System 2000',
        proj4: '+proj=longlat +ellps=GRS80 +no_defs',
        geographic: true,
        metresPerUnit: null,
      },
      extent: [x0, y0, x0 + size, y0 + size],
    },
    sha256: sha,
    byteSize: 1_000_000,
    files: [{ name: `${hex}.tif`, sha256: sha, size: 1_000_000 }],
    displayKey: sha,
    displayContentType: 'image/tiff',
    valueRange: null,
    sourceId: null,
    status: pick(r, STATUSES),
    createdAt: new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString(),
    createdBy: 'bench',
  };
  const record: RecordFieldsRow = {
    title,
    abstract,
    level: pick(r, SECRECY_LEVELS.slice(0, 4)),
    period: '',
    attribution: unit,
    archiveNumber: `${String(year)}-${province}-${String(n % 100_000).padStart(5, '0')}`,
    keywords: [mineral, pick(r, ROCKS), pick(r, STRATA)],
    unit,
    category: pick(r, CATEGORIES),
    year,
  };
  return { row, record };
}

/** Query texts a curator types: a mineral (2 characters mostly), a place, a rock, a place + mineral. */
export function queryText(r: () => number): string {
  const [province, ...cities] = pick(r, PROVINCES);
  const choice = r();
  if (choice < 0.4) return pick(r, MINERALS);
  if (choice < 0.6) return pick(r, cities);
  if (choice < 0.75) return pick(r, ROCKS);
  if (choice < 0.9) return `${province} ${pick(r, MINERALS)}`;
  return pick(r, WORKS);
}

export const benchCategories = CATEGORIES;
export const benchCentres = CENTRES;
