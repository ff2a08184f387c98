// The content rules' scan (ADR 0163): 1,000,000 point features × 10 string attributes, distinct
// texts in Chinese and Latin with a forbidden word in one feature of 10,000, reviewed by the
// bundled profile's four content rules (forbidden-content, sensitive-field, graticule,
// geodetic-gravity) and by the whole profile. No peer: GDAL has no secrecy review. Issue 8's
// target: 1,000,000 features reviewed in well under 5 s.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crsFromEpsg } from '../../src-main/core/crs/index.js';
import type { VectorFeature } from '../../src-main/core/model/index.js';
import { runReview } from '../../src-main/core/review/engine.js';
import { parseProfile, type ReviewProfile } from '../../src-main/core/review/profile.js';
import type { VectorSubject } from '../../src-main/core/review/rule.js';
import { timed, type Report } from './bench-row.js';

const COUNT = 1_000_000;
const FIELDS = ['名称', '类别', '岩性', '备注', '编号', '图幅', '单位', 'NAME', 'TYPE', 'REMARK'];
const ROCKS = [
  '砂岩、泥岩互层，夹煤线',
  '灰岩、白云岩，岩溶发育',
  '花岗岩',
  'granite porphyry',
  'quartz vein',
];

function subject(): VectorSubject {
  const features: VectorFeature[] = Array.from({ length: COUNT }, (_, i) => ({
    geometry: { type: 'Point', coordinates: [500000 + (i % 1000) * 50, 2750000 + Math.floor(i / 1000) * 50] },
    properties: {
      名称: i % 10_000 === 0 ? `某部队营区${String(i)}` : `大厂${String(i)}号矿点`,
      类别: i % 3 === 0 ? '矿点' : '钻孔',
      岩性: ROCKS[i % ROCKS.length] ?? '',
      备注: `第${String(i % 977)}勘探线，见矿厚度 ${String(i % 37)} 米`,
      编号: `ZK${String(i).padStart(7, '0')}`,
      图幅: `G49E0${String(10 + (i % 80))}0${String(10 + (i % 70))}`,
      单位: '广西壮族自治区地质矿产勘查开发局',
      NAME: `Dachang occurrence ${String(i)}`,
      TYPE: i % 2 === 0 ? 'occurrence' : 'borehole',
      REMARK: i % 10_000 === 5 ? 'near the radar station' : `sample ${String(i)} logged`,
    },
  }));
  return {
    kind: 'vector',
    name: '矿点.shp',
    layer: null,
    texts: [{ part: 'file-name', name: '矿点.shp', text: '矿点.shp' }],
    hidden: [],
    features,
    info: {
      kind: 'vector',
      featureCount: COUNT,
      geometryType: 'Point',
      fields: FIELDS.map((name) => ({ name, type: 'string' })),
      crs: crsFromEpsg(4545),
      extent: [500000, 2750000, 549950, 2799950],
      encoding: 'UTF-8',
    },
  };
}

function bundledProfile(): ReviewProfile {
  const doc: unknown = JSON.parse(
    readFileSync(join(process.cwd(), 'resources/profiles/default.json'), 'utf8'),
  );
  const parsed = parseProfile(doc, '0'.repeat(64));
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.profile;
}

const CONTENT = new Set(['forbidden-content', 'sensitive-field', 'graticule', 'geodetic-gravity']);

export async function bench(report: Report): Promise<void> {
  const data = subject();
  const profile = bundledProfile();
  const content = { ...profile, rules: profile.rules.filter((r) => CONTENT.has(r.id)) };
  for (const rule of content.rules) {
    let best = Infinity;
    let found = 0;
    for (let i = 0; i < 3; i += 1) {
      best = Math.min(best, await timed(() => Promise.resolve((found = rule.check(data).length))));
    }
    report({
      job: `review ${rule.id}: 1,000,000 features × 10 string fields`,
      strataSeconds: best,
      notes: `${String(found)} findings`,
    });
  }
  let all = Infinity;
  let blocking = 0;
  for (let i = 0; i < 3; i += 1) {
    all = Math.min(all, await timed(() => Promise.resolve((blocking = runReview(data, profile).blocking))));
  }
  report({
    job: 'review, whole bundled profile: 1,000,000 features × 10 string fields',
    strataSeconds: all,
    notes: `${String(blocking)} blocking findings; target well under 5 s (issue 8)`,
  });
}
