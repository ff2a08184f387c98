import { appendFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretPatterns } from '../../../src-main/core/scan/secret-patterns.js';
import { unexpectedPayloadFiles } from '../../../src-main/core/scan/sidecars.js';
import { scanFileBytes } from '../../../src-main/node/scan/scan-file-bytes.js';
import { gdal, gdalinfo } from '../../support/gdal.js';
import { tempDir } from '../../support/samples.js';

const SECRET = 'Shaanxi-borehole-ZK-0417';
const patterns = secretPatterns({ secrets: [{ kind: 'withheldMetadata', text: SECRET }] });
let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();

async function tiff(name: string, ...extra: string[]): Promise<string> {
  const out = path.join(dir, name);
  await gdal('gdal_translate', ['-q', '-of', 'GTiff', ...extra, src, out]);
  return out;
}
let src = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('strata-scan-'));
  src = path.join(dir, 'src.tif');
  await gdal('gdal_create', ['-q', '-of', 'GTiff', '-outsize', '64', '64', '-bands', '1', '-burn', '7', src]);
});
afterAll(() => cleanup());

describe('the raw-byte scan of a written file (positive controls, ADR 0178)', () => {
  it('passes a clean public GeoTIFF', async () => {
    const clean = await tiff('clean.tif');
    expect((await scanFileBytes(clean, patterns)).hits).toEqual([]);
  });

  it('catches a withheld text GDAL wrote into TIFFTAG_IMAGEDESCRIPTION, which gdalinfo also reads', async () => {
    const tagged = await tiff('tagged.tif', '-mo', `TIFFTAG_IMAGEDESCRIPTION=${SECRET}`);
    expect(JSON.stringify((await gdalinfo(tagged)).metadata)).toContain(SECRET);
    const scan = await scanFileBytes(tagged, patterns);
    expect(scan.hits.map((h) => [h.kind, h.encoding])).toEqual([['withheldMetadata', 'UTF-8']]);
  });

  it('catches bytes appended after the last strip, at their offset', async () => {
    const padded = await tiff('appended.tif');
    const before = (await scanFileBytes(padded, patterns)).bytes;
    await appendFile(padded, Buffer.from(SECRET, 'utf16le'));
    const scan = await scanFileBytes(padded, patterns);
    expect(scan.hits.map((h) => [h.offset, h.encoding])).toEqual([[before, 'UTF-16LE']]);
  });

  it('names an .aux.xml sidecar GDAL leaves beside a file as unexpected', async () => {
    const f = await tiff('stats.tif');
    await gdal('gdalinfo', ['-stats', f]);
    const names = await readdir(dir);
    expect(unexpectedPayloadFiles(names, new Set(['stats.tif']))).toContain('stats.tif.aux.xml');
    expect(unexpectedPayloadFiles(['stats.tif'], new Set(['stats.tif']))).toEqual([]);
  });
});
