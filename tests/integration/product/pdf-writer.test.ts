import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../src-main/core/crs/index.js';
import {
  cmyk,
  readLayout,
  rgb,
  type Layout,
  type LayoutDocument,
  type ProductFacts,
} from '../../../src-main/core/layout/index.js';
import { toPage } from '../../../src-main/core/layout/map-view.js';
import { createPdfWriter, productFonts } from '../../../src-main/node/product/index.js';
import { pdfFonts, pdfInfo, pdfText, renderPage } from '../../support/poppler.js';

const registered = crsFromEpsg(4490);
if (registered === null) throw new Error('EPSG:4490 missing');
const cgcs2000 = registered;

const GREEN = rgb(0, 128, 0);
const square = (x0: number, y0: number, x1: number, y1: number): number[][][] => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ],
];

const facts: ProductFacts = {
  title: '某区构造纲要图',
  marking: '机密★20年',
  attribution: '',
  layers: [
    {
      label: '断层破碎带',
      crs: cgcs2000,
      style: { fill: GREEN, stroke: null, pointSize: 1 },
      features: [
        { geometry: { type: 'Polygon', coordinates: square(116.01, 40.01, 116.04, 40.04) }, properties: {} },
      ],
    },
    {
      label: '第四系覆盖区',
      crs: cgcs2000,
      style: { fill: cmyk(0, 40, 80, 0), stroke: null, pointSize: 1 },
      features: [
        { geometry: { type: 'Polygon', coordinates: square(115.93, 39.96, 115.96, 39.98) }, properties: {} },
      ],
    },
  ],
};

/** A4 landscape: map frame, red graticule every 0.05°, legend, scale bar, mark, title. */
const doc: LayoutDocument = {
  format: 'strata-layout',
  version: 1,
  paper: 'A4',
  orientation: 'landscape',
  items: [
    { id: 'title', kind: 'title', frame: { x: 20, y: 2, width: 160, height: 8 }, props: { size: 6 } },
    { id: 'mark', kind: 'secrecy-mark', frame: { x: 20, y: 11, width: 160, height: 8 }, props: {} },
    {
      id: 'map',
      kind: 'map-frame',
      frame: { x: 20, y: 30, width: 160, height: 120 },
      props: { crs: 'EPSG:4490', center: [116, 40], scale: 100_000 },
    },
    {
      id: 'grid',
      kind: 'graticule',
      frame: { x: 6, y: 23, width: 188, height: 134 },
      props: { mapFrame: 'map', interval: 0.05, colour: { rgb: [255, 0, 0] } },
    },
    { id: 'legend', kind: 'legend', frame: { x: 200, y: 30, width: 80, height: 60 }, props: {} },
    {
      id: 'scale',
      kind: 'scale-bar',
      frame: { x: 200, y: 120, width: 80, height: 20 },
      props: { mapFrame: 'map' },
    },
  ],
};

let dir = '';
let file = '';
let layout: Layout;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'strata-pdf-'));
  file = path.join(dir, 'product.pdf');
  const read = readLayout(doc);
  if ('problems' in read) throw new Error(JSON.stringify(read.problems));
  layout = read.layout;
  await createPdfWriter(productFonts()).writePdf(layout, facts, file);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the PDF writer, read back with poppler', () => {
  it('writes the title, the mark, the numeric scale and the legend labels as text', async () => {
    const text = await pdfText(file);
    for (const t of [
      '某区构造纲要图',
      '机密★20年',
      '1:100 000',
      '图例',
      '断层破碎带',
      '第四系覆盖区',
      '116°00′',
      '40°00′',
    ])
      expect(text).toContain(t);
  });

  it('embeds the CJK font as subsets only', async () => {
    const fonts = await pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f).toMatchObject({ embedded: true, subset: true });
      expect(f.name).toMatch(/^[A-Z]{6}\+SourceHanSansSC-(Regular|Bold)$/);
    }
  });

  it('has the page size of A4 landscape and only the file itself in its folder', async () => {
    const info = await pdfInfo(file);
    expect(info['Page size']).toBe('841.89 x 595.276 pts (A4)');
    expect(info['Pages']).toBe('1');
    expect(await readdir(dir)).toEqual(['product.pdf']);
  });

  it('keeps a CMYK colour as DeviceCMYK', async () => {
    const bytes = await readFile(file);
    const streams: string[] = [];
    for (let at = bytes.indexOf('stream\n'); at >= 0; at = bytes.indexOf('stream\n', at + 1)) {
      const end = bytes.indexOf('endstream', at);
      try {
        streams.push(inflateSync(bytes.subarray(at + 7, end)).toString('latin1'));
      } catch {
        // a font or an uncompressed stream
      }
    }
    const content = streams.join('\n');
    expect(content).toMatch(/\/DeviceCMYK cs\s+0 0\.4 0\.8 0 scn/);
  });

  it('draws the legend swatch, the scale bar and the graticule where the layout puts them', async () => {
    const page = await renderPage(file, 150, path.join(dir, 'page'));
    const view = layout.mapView('map');
    const at = toPage(view);
    const [px, py] = at(116.025, 40.025);
    expect(page.atMm(px, py)).toEqual([0, 128, 0]);
    // Legend row 1: swatch at the frame's left, size 3.5 mm: 1 + 5.25 mm in, 2.6 × 3.5 + 3.5 mm down.
    expect(page.atMm(200 + 1 + 5.25, 30 + 9.1 + 3.5)).toEqual([0, 128, 0]);
    // Scale bar at 1:100 000 in 64 mm: 5 km = 50 mm from x = 215, 4 segments, black first.
    const barY = 120 + 3 * 1.8 + 1;
    // Black is pure K (CMYK 0 0 0 100), which poppler renders as a near-black grey.
    const dark = (rgbPixel: readonly number[]): boolean => rgbPixel.every((v) => v < 60);
    expect(dark(page.atMm(215 + 6.25, barY))).toBe(true);
    expect(page.atMm(215 + 18.75, barY)).toEqual([255, 255, 255]);
    expect(dark(page.atMm(215 + 31.25, barY))).toBe(true);
    expect(page.atMm(215 + 56.25, barY)).toEqual([255, 255, 255]);
    // The 116°00′ meridian runs down the frame's centre in red, and stops at the frame.
    const [meridian] = at(116, 39.98);
    const near = (y: number): [number, number, number][] =>
      [-0.3, -0.15, 0, 0.15, 0.3].map((dx) => page.atMm(meridian + dx, y));
    expect(near(140)).toContainEqual([255, 0, 0]);
    expect(near(27)).not.toContainEqual([255, 0, 0]);
    expect(page.atMm(3, 3)).toEqual([255, 255, 255]);
  });
});
