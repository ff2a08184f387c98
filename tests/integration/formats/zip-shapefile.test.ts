import { describe, expect, it } from 'vitest';
import { openFile } from '../../../src-main/node/formats/index.js';
import { fixture } from '../../fixtures/index.js';
import { outcome } from '../../support/outcome.js';
import { expectLayersLikeGdal, vectorLayers } from './compare-layers.js';

describe('zipped shapefiles, beside GDAL (which reads .zip sets directly)', () => {
  it('one set: one unnamed layer, read as the set on disk is', async () => {
    const file = fixture('zip', '矿点.zip');
    const opened = await openFile(file);
    expect(opened).toMatchObject({ format: 'Shapefile', files: [file] });
    const layers = vectorLayers(opened);
    expect(layers.map((l) => l.layer)).toEqual([null]);
    await expectLayersLikeGdal(
      `/vsizip/${file}`,
      [{ ...layers[0], layer: '矿点' } as (typeof layers)[number]],
      {
        sampled: ['名称', '矿种', '储量', '品位'],
      },
    );
    const onDisk = vectorLayers(
      await openFile(fixture('chinese', 'shapefile', 'kuangdian_gbk_cpg', '矿点.shp')),
    );
    expect(layers[0]?.features).toEqual(onDisk[0]?.features);
  });

  it('two sets: a layer each, named by stem', async () => {
    const file = fixture('zip', 'two_sets.zip');
    const layers = vectorLayers(await openFile(file));
    expect(layers.map((l) => l.layer)).toEqual(['矿点', 'dizhi']);
    // dizhi names no code page: GDAL would read it as Latin-1, we detect GBK (ADR 0023), so GDAL is told.
    await expectLayersLikeGdal(`/vsizip/${file}`, layers, {
      sampled: ['名称', '代号', '地层名称'],
      openOptions: ['ENCODING=CP936'],
    });
  });

  it.each([
    ['slip.zip', 'UNSUPPORTED_FORMAT', 'problem.zipNameParent'],
    ['backslash.zip', 'UNSUPPORTED_FORMAT', 'problem.zipNameBackslash'],
    ['encrypted.zip', 'UNSUPPORTED_FORMAT', 'problem.zipEncrypted'],
    ['bomb.zip', 'TOO_LARGE', 'problem.zipRatio'],
    ['truncated.zip', 'CORRUPT_FILE', 'problem.zipNoDirectory'],
  ])('refuses %s with %s (%s)', async (name, code, problem) => {
    expect(await outcome(() => openFile(fixture('zip_bad', name)))).toMatchObject({
      code,
      params: { file: name, problem },
    });
  });
});
