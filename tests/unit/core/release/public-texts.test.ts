import { describe, expect, it } from 'vitest';
import { publicAbstract, publicFileName } from '../../../../src-main/core/release/public-texts.js';

describe('a public version’s texts come from its record (ADR 0164)', () => {
  it('names the file from the title, safe on every file system', () => {
    expect(publicFileName('桂林 DEM', 'tif')).toBe('桂林_DEM.public.tif');
    expect(publicFileName(' a/b:c*?"<>|\\d ', 'geojson')).toBe('a_b_c_d.public.geojson');
    expect(publicFileName('..', 'tif')).toBe('public.public.tif');
    // A title still the source's file stem does not carry its size token into the name.
    expect(publicFileName('guilin_dem_xian80_gk40_5m', 'tif')).toBe('guilin_dem_xian80_gk40.public.tif');
    expect(publicFileName('', 'tif')).toBe('public.public.tif');
    expect(publicFileName('长'.repeat(300), 'tif')).toBe(`${'长'.repeat(80)}.public.tif`);
  });

  it('drops what the source’s abstract says of its precision and says what was done', () => {
    const done = '本数据为公开版：按块平均重采样至 100 m。';
    expect(publicAbstract('桂林幅DEM，5米格网。覆盖阳朔县', done)).toBe(`覆盖阳朔县。${done}`);
    expect(publicAbstract('5米格网', done)).toBe(done);
    expect(publicAbstract('', done)).toBe(done);
  });
});
