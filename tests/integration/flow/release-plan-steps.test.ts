import { describe, expect, it } from 'vitest';
import { gdalinfo } from '../../support/gdal.js';
import { readyForRelease } from '../../support/release-ready.js';
import { copyFixture } from '../../support/samples.js';
import { signingSuite } from '../../support/signing-team.js';

const suite = signingSuite();

async function released(...fixture: string[]) {
  const copy = await copyFixture(suite.dir, ...fixture);
  const [dataset] = (await suite.client.call('datasets.import', { paths: [copy] })).datasets;
  if (!dataset) throw new Error('import');
  const review = await suite.client.call('review.run', { id: dataset.id });
  await readyForRelease(suite.team, dataset.id);
  return { review, release: await suite.client.call('release.create', { id: dataset.id }) };
}

/** Issue 9: the plan has only the steps its findings need. */
describe('the lineage of a public raster', () => {
  it('0.5 m imagery that passes the resolution check gets no resample step and keeps its grid', async () => {
    const { review, release } = await released('chinese', 'raster', 'nanning_rgb_cgcs2000_cm108_0p5m.tif');
    expect(review.findings.filter((f) => f.ruleId === 'raster-resolution')).toEqual([]);
    const steps = release.lineage.steps.map((s) => s.step);
    expect(steps).not.toContain('resample-block-average');
    expect(steps).toContain('write-allow-list');
    expect(release.review.passed).toBe(true);
    // Written fresh on the source's own grid: same size, same 0.5 m pixels.
    expect(release.dataset).toMatchObject({ width: 1024, height: 1024 });
    const { display } = await suite.client.call('datasets.get', { id: release.id });
    const served = await suite.ws.resolveFile(display.path);
    if (!served || !('path' in served)) throw new Error('no public file on disk');
    expect((await gdalinfo(served.path)).geoTransform).toEqual([552000, 0.5, 0, 2524000, 0, -0.5]);
  });

  it('a 5 m DEM the resolution check blocks is resampled, and its lineage says to what', async () => {
    const { review, release } = await released('chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    expect(review.findings.find((f) => f.ruleId === 'raster-resolution')).toMatchObject({
      action: 'resample',
    });
    expect(release.lineage.steps.find((s) => s.step === 'resample-block-average')).toMatchObject({
      params: { resolution: 100, unit: 'm' },
    });
  });
});
