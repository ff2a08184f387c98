import { crsFromEpsg } from '../../src-main/core/crs/index.js';
import type { CrsInfo, RasterInfo, VectorFeature } from '../../src-main/core/model/index.js';
import type { ReviewRule, ReviewSubject, VectorSubject } from '../../src-main/core/review/rule.js';
import {
  contourIntervalRule,
  coverageAreaRule,
  positionPrecisionRule,
  rasterResolutionRule,
  restrictedZoneRule,
} from '../../src-main/core/review/rules/index.js';
import { subjectTexts } from '../../src-main/core/review/subject-texts.js';
import { timed, type Report } from './bench-row.js';

const COUNT = 1_000_000;
const SIDE = 10_000;

function must<T>(value: T | null): T {
  if (value === null) throw new Error('bench: CRS missing');
  return value;
}

/** 1M contour lines of 8 vertices in CGCS2000 / GK CM 108E over 100 × 100 km, 10 m levels, 0.01 m coordinates. */
function contourLines(crs: CrsInfo): VectorSubject {
  const features: VectorFeature[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    const x = 500000 + ((i * 7919) % 100_000) + 0.01;
    const y = 2500000 + ((i * 104_729) % 100_000) + 0.01;
    const coordinates = Array.from({ length: 8 }, (_, k) => [x + k * 3.17, y + ((k * 7) % 5)]);
    features.push({
      geometry: { type: 'LineString', coordinates },
      properties: { ELEV: 100 + (i % 300) * 10 },
    });
  }
  const texts = subjectTexts('contours.shp', null, {
    title: '某幅等高线',
    abstract: '1:5万地形图等高线，等高距10米。',
  });
  return {
    kind: 'vector',
    name: 'contours.shp',
    layer: null,
    texts,
    hidden: [],
    features,
    info: {
      kind: 'vector',
      featureCount: COUNT,
      geometryType: 'LineString',
      fields: [{ name: 'ELEV', type: 'number' }],
      crs,
      extent: [500000, 2500000, 600030, 2600005],
      encoding: 'UTF-8',
    },
  };
}

function raster(crs: CrsInfo): ReviewSubject {
  const info: RasterInfo = {
    kind: 'raster',
    width: SIDE,
    height: SIDE,
    bandCount: 1,
    dataType: 'Float32',
    crs,
    extent: [500000, 2500000, 600000, 2600000],
    pixelSize: [10, 10],
    origin: [500000, 2600000],
    nodata: null,
  };
  const texts = subjectTexts('dem_10m.tif', null, { title: 'DEM', abstract: '10米格网' });
  return { kind: 'raster', name: 'dem_10m.tif', layer: null, texts, hidden: [], info };
}

/** One zone of 200 vertices (a circle of 5 km) in CGCS2000 degrees over the middle of the data. */
const ZONE: [number, number][] = Array.from({ length: 201 }, (_, k) => {
  const a = (2 * Math.PI * (k % 200)) / 200;
  return [108.98 + 0.05 * Math.cos(a), 23.05 + 0.045 * Math.sin(a)];
});

/**
 * The geometry and metadata rules (ADR 0164) beside the existing precision rules, each on 1M
 * contour lines (8M vertices) in memory and on a 10,000² DEM's header, with the national
 * profile's parameters and one 200-vertex restricted zone. No peer: GDAL has no secrecy review.
 */
export async function bench(report: Report): Promise<void> {
  const gk = must(crsFromEpsg(4545));
  const lines = contourLines(gk);
  const dem = raster(gk);
  const zones = { zones: [{ file: 'zones.geojson', crs: 'EPSG:4490', polygons: [[ZONE]] }] };
  const cases: [string, ReviewRule<never>, unknown][] = [
    ['position-precision', positionPrecisionRule as ReviewRule<never>, { metres: 50 }],
    [
      'raster-resolution',
      rasterResolutionRule as ReviewRule<never>,
      { demGridMetres: 100, imageryResolutionMetres: 0.5 },
    ],
    [
      'contour-interval',
      contourIntervalRule as ReviewRule<never>,
      { secretMetres: 20, publicMetres: 50, fields: ['ELEV', '高程'] },
    ],
    [
      'coverage-area',
      coverageAreaRule as ReviewRule<never>,
      { scaleDenominator: 5000, areaKm2: 25, gapMetres: 1000 },
    ],
    ['restricted-zone', restrictedZoneRule as ReviewRule<never>, zones],
  ];
  const subjects = (): (readonly [string, ReviewSubject])[] => [
    // A list of its own each time: coverage-area would reuse position-precision's quantum.
    ['1,000,000 contour lines', { ...lines, features: [...lines.features] }],
    ['a 10,000² DEM', dem],
  ];
  const run = async (job: string, subject: ReviewSubject, rules: typeof cases): Promise<void> => {
    let found = 0;
    const seconds = await timed(() => {
      found = rules.reduce((n, [, rule, params]) => n + rule.check(subject, params as never).length, 0);
      return Promise.resolve();
    });
    report({ job, strataSeconds: seconds, notes: `${String(found)} findings` });
  };
  for (const c of cases)
    for (const [what, subject] of subjects()) await run(`review ${c[0]} on ${what}`, subject, [c]);
  // The whole national profile with the zone, as a review runs it (the quantum scanned once).
  for (const [what, subject] of subjects()) await run(`review, all five rules, on ${what}`, subject, cases);
}
