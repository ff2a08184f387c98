import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import {
  defaultLayerStyle,
  defaultLayout,
  drawLayout,
  fitTemplate,
  readLayout,
  type Layout,
  type LayoutDocument,
  type ProductFacts,
} from '../../../../src-main/core/layout/index.js';
import { sheetFromCode } from '../../../../src-main/core/maps/index.js';
import { recordingPort, texts } from './recording-port.js';

const registered = crsFromEpsg(4490);
if (registered === null) throw new Error('EPSG:4490 missing');
const cgcs2000 = { ...registered, code: 'EPSG:4490' };
const responsibility = { unit: '某地质调查院', author: '张三', reviewer: '李四', date: '2026-12-04' };

const facts: ProductFacts = {
  title: '某区地质图',
  marking: '秘密★10年',
  attribution: '某地质调查院 2020',
  layers: [
    {
      label: '地层界线',
      crs: cgcs2000,
      style: defaultLayerStyle(0),
      features: [
        {
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [116.1, 39.9],
                [116.2, 39.9],
                [116.2, 39.95],
                [116.1, 39.95],
                [116.1, 39.9],
              ],
            ],
          },
          properties: {},
        },
        // Far outside every frame of these tests: never drawn.
        { geometry: { type: 'Point', coordinates: [120, 30] }, properties: {} },
      ],
    },
  ],
};

const read = (doc: unknown): Layout => {
  const result = readLayout(doc);
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result.layout;
};

const defaultDoc = (extra: Partial<Parameters<typeof defaultLayout>[0]> = {}): LayoutDocument => {
  const doc = defaultLayout({
    title: '某区地质图',
    crs: cgcs2000,
    extent: [116.1, 39.9, 116.2, 39.95],
    responsibility,
    ...extra,
  });
  if (doc === null) throw new Error('no layout');
  return doc;
};

describe('the default layout', () => {
  it('is A3 landscape at a tidy scale that holds the data, with every item drawn', () => {
    const doc = defaultDoc();
    expect([doc.paper, doc.orientation]).toEqual(['A3', 'landscape']);
    const layout = read(doc);
    const view = layout.mapView('map');
    expect(view.scale).toBe(50_000);
    const port = recordingPort();
    drawLayout(layout, facts, port);
    const shown = texts(port.marks);
    for (const t of [
      '某区地质图',
      '秘密★10年',
      '图例',
      '地层界线',
      '1:50 000',
      '编制单位',
      '某地质调查院',
      '审核人',
      '李四',
      'N',
    ])
      expect(shown).toContain(t);
    expect(shown).toContain('数据来源：某地质调查院 2020');
    // Graticule labels in D°MM′ on a geographic frame.
    expect(shown.some((t) => /^116°\d\d′$/.test(t))).toBe(true);
    expect(shown.some((t) => /^39°\d\d′$/.test(t))).toBe(true);
  });

  it('puts the data where the frame projects it, clipped to the frame', () => {
    const layout = read(defaultDoc());
    const view = layout.mapView('map');
    const port = recordingPort();
    drawLayout(layout, facts, port);
    const clipped = port.marks.filter((m) => m.op === 'polygon' && m.clip !== null);
    expect(clipped).toHaveLength(1);
    const [polygon] = clipped;
    if (polygon?.op !== 'polygon') throw new Error('no clipped polygon');
    expect(polygon.clip).toEqual(view.frame);
    const xs = (polygon.rings[0] ?? []).map((p) => p[0]);
    // 0.1° of longitude at 39.925°N is about 8.55 km: 171 mm at 1:50 000, centred in the frame.
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(171, 0);
    expect((Math.max(...xs) + Math.min(...xs)) / 2).toBeCloseTo(view.frame.x + view.frame.width / 2, 6);
  });

  it('draws no mark for a public product', () => {
    const port = recordingPort();
    drawLayout(read(defaultDoc()), { ...facts, marking: null }, port);
    expect(texts(port.marks).some((t) => t.includes('★') || t === '公开')).toBe(false);
  });

  it('frames a sheet at its scale on the smallest paper that holds it', () => {
    const sheet = sheetFromCode('J50E001001');
    const doc = defaultDoc({ sheet });
    expect([doc.paper, doc.orientation]).toEqual(['A1', 'landscape']);
    const layout = read(doc);
    const view = layout.mapView('map');
    expect(view.scale).toBe(50_000);
    expect(view.center).toEqual([114.125, 39.91666666666667]);
    const port = recordingPort();
    drawLayout(layout, facts, port);
    const shown = texts(port.marks);
    expect(shown).toContain('J50E001001');
    // The sheet's corners are round graticule values, so its edges carry labels.
    for (const t of ['114°00′', '114°15′', '39°50′', '40°00′']) expect(shown).toContain(t);
  });

  it('refuses a paper too small for the sheet', () => {
    expect(
      defaultLayout({
        title: 't',
        crs: cgcs2000,
        extent: [0, 0, 1, 1],
        responsibility,
        sheet: sheetFromCode('J50E001001'),
        paper: 'A3',
      }),
    ).toBeNull();
  });
});

describe('reading a layout', () => {
  const base = defaultDoc();
  const withItems = (items: LayoutDocument['items']): LayoutDocument => ({ ...base, items });
  const problems = (doc: unknown): string[] => {
    const result = readLayout(doc);
    return 'problems' in result ? result.problems.map((p) => `${p.item ?? '-'}:${p.path}:${p.problem}`) : [];
  };

  it('refuses a secrecy mark with text typed in', () => {
    const items = base.items.map((i) => (i.kind === 'secrecy-mark' ? { ...i, props: { text: '公开' } } : i));
    expect(problems(withItems(items))).toEqual(['mark:props:problem.layout.markText']);
  });
  it('needs exactly one secrecy mark', () => {
    expect(problems(withItems(base.items.filter((i) => i.kind !== 'secrecy-mark')))).toEqual([
      '-:items:problem.layout.secrecyMark',
    ]);
  });
  it('names unknown kinds, duplicate ids, items off the page, bad props and missing map frames', () => {
    const [first, ...rest] = base.items;
    if (first === undefined) throw new Error('empty');
    const found = problems(
      withItems([
        first,
        ...rest,
        { id: 'x', kind: 'inset-photo', frame: { x: 1, y: 1, width: 1, height: 1 }, props: {} },
        { id: 'x', kind: 'free-text', frame: { x: 400, y: 1, width: 100, height: 5 }, props: { text: 'a' } },
        {
          id: 'y',
          kind: 'scale-bar',
          frame: { x: 1, y: 1, width: 10, height: 5 },
          props: { mapFrame: 'nowhere' },
        },
        { id: 'z', kind: 'legend', frame: { x: 1, y: 1, width: 10, height: 5 }, props: { size: -1 } },
      ]),
    );
    expect(found).toEqual([
      'x:kind:problem.layout.kind',
      'x:id:problem.layout.duplicateId',
      'x:frame:problem.layout.outsidePage',
      'z:props.size:problem.layout.props',
      'y:props.mapFrame:problem.layout.mapFrameRef',
    ]);
  });
  it('refuses a km grid over a geographic frame and an unknown CRS', () => {
    const items = base.items.map((i) =>
      i.kind === 'graticule' ? { ...i, props: { ...i.props, grid: 'km' } } : i,
    );
    expect(problems(withItems(items))).toEqual(['grid:props.mapFrame:problem.layout.kmGridGeographic']);
    const unknown = base.items.map((i) =>
      i.kind === 'map-frame' ? { ...i, props: { ...i.props, crs: 'EPSG:1' } } : i,
    );
    expect(problems(withItems(unknown))).toContain('map:props.crs:problem.layout.crs');
  });
  it('refuses what is not a layout document', () => {
    expect(problems({ format: 'qgis', items: [] })).toEqual(['-:format:problem.layout.shape']);
  });
});

describe('a template fitted to the data', () => {
  it('fills a map frame that leaves out its CRS, centre and scale', () => {
    const doc = defaultDoc();
    const bare = {
      ...doc,
      items: doc.items.map((i) => (i.kind === 'map-frame' ? { ...i, props: {} } : i)),
    };
    const layout = read(fitTemplate(bare, { crs: cgcs2000, extent: [116.1, 39.9, 116.2, 39.95] }));
    expect(layout.mapView('map').scale).toBe(50_000);
    expect(layout.mapView('map').center).toEqual([116.15, 39.925]);
  });
  it('takes a scale asked for over the template’s', () => {
    const layout = read(
      fitTemplate(defaultDoc(), { crs: cgcs2000, extent: [116.1, 39.9, 116.2, 39.95], scale: 25_000 }),
    );
    expect(layout.mapView('map').scale).toBe(25_000);
  });
});
