import { describe, expect, it } from 'vitest';
import { openFile } from '../../../src-main/node/formats/index.js';
import { fixture } from '../../fixtures/index.js';
import { ogrLayers } from '../../support/ogr-layers.js';
import { outcome } from '../../support/outcome.js';
import { expectLayersLikeGdal, vectorLayers } from './compare-layers.js';

describe('GPX, beside GDAL (gpx driver)', () => {
  it('reads waypoints, routes and tracks as three layers; GDAL’s point layers of the lines are left out', async () => {
    const file = fixture('gpx', '野外路线.gpx');
    const opened = await openFile(file);
    expect(opened.format).toBe('GPX');
    const layers = vectorLayers(opened);
    expect(layers.map((l) => l.layer)).toEqual(['waypoints', 'routes', 'tracks']);
    expect((await ogrLayers(file)).map((l) => l.name)).toEqual([
      'waypoints',
      'routes',
      'tracks',
      'route_points',
      'track_points',
    ]);
    await expectLayersLikeGdal(file, layers, {
      sampled: ['name', 'ele', 'desc'],
      omit: ['route_points', 'track_points'],
    });
    expect(layers[0]?.features[0]?.properties).toMatchObject({
      name: '1号观察点',
      ele: 150,
      desc: '露头良好',
    });
  });

  it('refuses a DOCTYPE', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { tempDir } = await import('../../support/samples.js');
    const scratch = await tempDir();
    try {
      const file = `${scratch.dir}/laughs.gpx`;
      await writeFile(
        file,
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx version="1.1"><wpt lat="1" lon="2"><name>&a;</name></wpt></gpx>',
      );
      expect(await outcome(() => openFile(file))).toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
        params: { problem: 'problem.xmlDoctype' },
      });
    } finally {
      await scratch.cleanup();
    }
  });
});
