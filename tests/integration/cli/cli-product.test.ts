import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gdal, runCommand } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';
import { CLI, requireBuiltCli } from '../../support/cli.js';
import { pdfFonts, pdfInfo, pdfText } from '../../support/poppler.js';

let scratch: { dir: string; cleanup: () => Promise<void> };

const strata = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
  runCommand(process.execPath, [CLI, '--home', path.join(scratch.dir, 'home'), ...args]);

interface ProductJson {
  file: string;
  paper: string;
  orientation: string;
  scale: number;
  sheet: string | null;
  marking: { level: string; period: string; text: string | null };
}

/** Imports a GeoPackage GDAL writes from GeoJSON in CGCS2000 and describes it; returns its id. */
async function dataset(name: string, geojson: object, fields: string[]): Promise<string> {
  const source = path.join(scratch.dir, `${name}.geojson`);
  const gpkg = path.join(scratch.dir, `${name}.gpkg`);
  await writeFile(source, JSON.stringify(geojson));
  await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, source, '-a_srs', 'EPSG:4490', '-nln', name]);
  const imported = await strata('import', gpkg, '--json');
  expect(imported.code, imported.stderr).toBe(0);
  const [row] = JSON.parse(imported.stdout) as { id: string }[];
  if (row === undefined) throw new Error('nothing imported');
  const described = await strata('describe', row.id, ...fields);
  expect(described.code, described.stderr).toBe(0);
  return row.id;
}

const box = (x0: number, y0: number, x1: number, y1: number): object => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

let units = '';
let faults = '';
let open = '';

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-product-');
  // Inside sheet J50E001001 (114°00′–114°15′E, 39°50′–40°00′N).
  units = await dataset(
    'units',
    {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 地层代号: 'J3' }, geometry: box(114.02, 39.86, 114.1, 39.9) },
        { type: 'Feature', properties: { 地层代号: 'Q4' }, geometry: box(114.12, 39.88, 114.2, 39.93) },
      ],
    },
    ['--title', '地层分区', '--level', '秘密', '--period', '15年', '--attribution', '某地质调查院'],
  );
  faults = await dataset(
    'faults',
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 名称: 'F1' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [114.03, 39.85],
              [114.21, 39.95],
            ],
          },
        },
      ],
    },
    ['--title', '断层', '--level', '内部'],
  );
  open = await dataset(
    'open',
    {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: box(114.05, 39.9, 114.06, 39.91) }],
    },
    ['--title', '公开图层', '--level', '公开'],
  );
});
afterAll(async () => {
  await scratch.cleanup();
});

const out = (name: string): string => path.join(scratch.dir, name);

describe('strata product create — a PDF map product from the command line', () => {
  it('writes an A3 product with title, computed mark, scale and Chinese legend, fonts embedded', async () => {
    const run = await strata(
      'product',
      'create',
      '--dataset',
      units,
      '--dataset',
      faults,
      '--title',
      '某区地质图',
      '--scale',
      '50000',
      '--paper',
      'A3',
      '--out',
      out('a3.pdf'),
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as ProductJson;
    expect(result).toMatchObject({
      file: out('a3.pdf'),
      paper: 'A3',
      orientation: 'landscape',
      scale: 50_000,
      sheet: null,
      marking: { level: '秘密', period: '15年', text: '秘密★15年' },
    });
    const text = await pdfText(result.file);
    for (const t of [
      '某区地质图',
      '秘密★15年',
      '1:50 000',
      '图例',
      '地层分区',
      '断层',
      '数据来源：某地质调查院',
      '编制单位',
      '审核人',
    ])
      expect(text).toContain(t);
    const fonts = await pdfFonts(result.file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.subset)).toBe(true);
    expect((await pdfInfo(result.file))['Page size']).toBe('1190.55 x 841.89 pts (A3)');
  });

  it('frames a GB/T 13989 sheet at its corners and scale, on the paper that holds it', async () => {
    const run = await strata(
      'product',
      'create',
      '--dataset',
      units,
      '--sheet',
      'J50E001001',
      '--out',
      out('sheet.pdf'),
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as ProductJson;
    expect(result).toMatchObject({ paper: 'A1', scale: 50_000, sheet: 'J50E001001' });
    expect((await pdfInfo(result.file))['Page size']).toBe('2383.94 x 1683.78 pts (A1)');
    const text = await pdfText(result.file);
    for (const t of ['J50E001001', '114°00′', '114°15′', '39°50′', '40°00′', '1:50 000', '地层分区'])
      expect(text).toContain(t);
  });

  it('marks nothing on a product of public data only', async () => {
    const run = await strata('product', 'create', '--dataset', open, '--out', out('open.pdf'), '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as ProductJson;
    expect(result.marking).toEqual({ level: '公开', period: '', text: null });
    expect(await pdfText(result.file)).not.toMatch(/★|秘密|机密|绝密|内部/);
  });

  it('refuses a template that types the mark, a paper too small for the sheet, and a bad sheet number', async () => {
    const template = path.join(scratch.dir, 'typed-mark.json');
    await writeFile(
      template,
      JSON.stringify({
        format: 'strata-layout',
        version: 1,
        paper: 'A4',
        orientation: 'portrait',
        items: [
          { id: 'map', kind: 'map-frame', frame: { x: 10, y: 30, width: 190, height: 200 }, props: {} },
          {
            id: 'mark',
            kind: 'secrecy-mark',
            frame: { x: 10, y: 10, width: 190, height: 10 },
            props: { text: '公开' },
          },
        ],
      }),
    );
    const typed = await strata(
      '--lang',
      'zh-CN',
      'product',
      'create',
      '--dataset',
      units,
      '--layout',
      template,
      '--out',
      out('typed.pdf'),
    );
    expect(typed.code).toBe(1);
    expect(typed.stderr).toContain('密级标志由所用数据计算，不能填写文字');
    const small = await strata(
      '--lang',
      'en',
      'product',
      'create',
      '--dataset',
      units,
      '--sheet',
      'J50E001001',
      '--paper',
      'A3',
      '--out',
      out('small.pdf'),
    );
    expect(small.code).toBe(1);
    expect(small.stderr).toContain('the paper cannot hold the sheet at that scale');
    const bad = await strata(
      '--lang',
      'en',
      'product',
      'create',
      '--dataset',
      units,
      '--sheet',
      'J61E001001',
      '--out',
      out('bad.pdf'),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a GB/T 13989 sheet number');
    const notPdf = await strata(
      '--lang',
      'en',
      'product',
      'create',
      '--dataset',
      units,
      '--out',
      out('map.png'),
    );
    expect(notPdf.stderr).toContain('the output file must end in .pdf');
    // Nothing half-written is left behind by the refusals.
    expect(
      (await readdir(scratch.dir)).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp')).sort(),
    ).toEqual(['a3.pdf', 'open.pdf', 'sheet.pdf']);
  });

  it('uses a template file, its map frame fitted to the data', async () => {
    const template = path.join(scratch.dir, 'portrait.json');
    await writeFile(
      template,
      JSON.stringify({
        format: 'strata-layout',
        version: 1,
        paper: 'A4',
        orientation: 'portrait',
        title: '模板标题',
        items: [
          { id: 'title', kind: 'title', frame: { x: 10, y: 5, width: 190, height: 10 }, props: {} },
          { id: 'mark', kind: 'secrecy-mark', frame: { x: 10, y: 16, width: 190, height: 6 }, props: {} },
          { id: 'map', kind: 'map-frame', frame: { x: 20, y: 30, width: 170, height: 200 }, props: {} },
          {
            id: 'scale',
            kind: 'scale-bar',
            frame: { x: 60, y: 240, width: 90, height: 14 },
            props: { mapFrame: 'map' },
          },
          {
            id: 'note',
            kind: 'free-text',
            frame: { x: 10, y: 270, width: 190, height: 10 },
            props: { text: '内部资料 注意保存' },
          },
        ],
      }),
    );
    const run = await strata(
      'product',
      'create',
      '--dataset',
      faults,
      '--layout',
      template,
      '--out',
      out('template.pdf'),
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as ProductJson;
    expect(result).toMatchObject({ paper: 'A4', orientation: 'portrait', marking: { text: '内部' } });
    expect((await pdfInfo(result.file))['Page size']).toBe('595.276 x 841.89 pts (A4)');
    const text = await pdfText(result.file);
    for (const t of [
      '模板标题',
      '内部',
      '内部资料 注意保存',
      `1:${String(result.scale).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`,
    ])
      expect(text).toContain(t);
  });

  it('writes an atlas, one sheet per file, and leaves none when a sheet cannot be written', async () => {
    const dir = out('atlas');
    const run = await strata(
      'product',
      'atlas',
      '--dataset',
      units,
      '--sheets',
      'J50E001001,J50E001002',
      '--out',
      dir,
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    const atlas = JSON.parse(run.stdout) as {
      files: { sheet: string; file: string }[];
      marking: { text: string };
    };
    expect(atlas.marking.text).toBe('秘密★15年');
    expect(atlas.files.map((f) => f.sheet)).toEqual(['J50E001001', 'J50E001002']);
    expect((await readdir(dir)).sort()).toEqual(['J50E001001.pdf', 'J50E001002.pdf']);
    for (const f of atlas.files) {
      const text = await pdfText(f.file);
      expect(text).toContain(f.sheet);
      expect(text).toContain('秘密★15年');
    }
    // The second sheet cannot be written (a folder holds its name): the first is removed again.
    const partial = out('partial');
    await mkdir(path.join(partial, 'J50E001002.pdf'), { recursive: true });
    const failed = await strata(
      'product',
      'atlas',
      '--dataset',
      units,
      '--sheets',
      'J50E001001,J50E001002',
      '--out',
      partial,
    );
    expect(failed.code).not.toBe(0);
    expect(await readdir(partial)).toEqual(['J50E001002.pdf']);
  });

  it('saves the layout as a template, which edited comes back through --layout', async () => {
    const file = out('saved-layout.json');
    const saved = await strata(
      'product',
      'layout',
      '--dataset',
      units,
      '--scale',
      '25000',
      '--out',
      file,
      '--json',
    );
    expect(saved.code, saved.stderr).toBe(0);
    const doc = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      title: string;
      items: { id: string; kind: string; frame: object; props: Record<string, unknown> }[];
    };
    expect(doc).toMatchObject({ format: 'strata-layout', paper: 'A3', title: '地层分区' });
    expect(doc.items.find((i) => i.kind === 'map-frame')?.props).toMatchObject({
      crs: 'EPSG:4490',
      scale: 25_000,
    });
    doc.title = '修改后的标题';
    doc.items.push({
      id: 'note',
      kind: 'free-text',
      frame: { x: 20, y: 280, width: 100, height: 6 },
      props: { text: '图内注记' },
    });
    await writeFile(file, JSON.stringify(doc));
    const run = await strata(
      'product',
      'create',
      '--dataset',
      units,
      '--layout',
      file,
      '--out',
      out('edited.pdf'),
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as ProductJson).scale).toBe(25_000);
    const text = await pdfText(out('edited.pdf'));
    for (const t of ['修改后的标题', '图内注记', '1:25 000', '秘密★15年']) expect(text).toContain(t);
  });
});
