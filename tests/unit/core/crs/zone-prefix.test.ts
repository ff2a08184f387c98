import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../../src-main/api/messages.js';
import {
  crsFromEpsg,
  crsFromWkt,
  detectZonePrefix,
  importCrsDecision,
} from '../../../../src-main/core/crs/index.js';
import { fixture } from '../../../fixtures/index.js';
import { ogrSummary } from '../../../support/ogr-summary.js';

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

describe('detectZonePrefix', () => {
  it('finds zone 39 in eastings whose .prj names the CM 117E variant, and names the prefixed code', async () => {
    const shp = fixture('crs', 'gk3_cm117e_prefixed', 'boreholes.shp');
    const gdal = await ogrSummary(shp);
    const stated = must(crsFromWkt(readFileSync(shp.replace(/\.shp$/, '.prj'), 'utf8')));
    expect(stated.code).toBe('EPSG:4548');
    const finding = must(detectZonePrefix(stated, must(gdal.extent)));
    expect(finding.zone).toBe(39);
    expect(finding.zoneWidth).toBe(3);
    expect(finding.centralMeridian).toBe(117);
    expect(finding.code).toBe('EPSG:4527');
    expect(crsFromEpsg(4527)?.name).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 39');
    expect(finding.meridianMismatch).toBe(false);
  });

  it('offers the national datums zone-39 CRSs when the file has no CRS', async () => {
    const gdal = await ogrSummary(fixture('crs', 'gk3_zone39_noprj', 'boreholes.shp'));
    expect(gdal.epsg).toBeNull();
    const finding = must(detectZonePrefix(null, must(gdal.extent)));
    expect(finding.code).toBeNull();
    expect(finding.candidates[0]).toBe('EPSG:4527');
    expect(finding.candidates).toContain('EPSG:2363'); // Xian 1980 / 3-degree Gauss-Kruger zone 39
    expect(finding.candidates).toContain('EPSG:2415'); // Beijing 1954 / 3-degree Gauss-Kruger zone 39
    for (const code of finding.candidates)
      expect(crsFromEpsg(Number(code.slice(5)))?.name).toMatch(/zone 39$/);
  });

  it('reads 6° zones (13–23) and says when the stated meridian is not the zone’s', () => {
    const extent = [20_400_000, 3_000_000, 20_600_000, 3_100_000] as const;
    const six = must(detectZonePrefix(must(crsFromEpsg(4509)), extent)); // CGCS2000 6° CM 117E
    expect(six).toMatchObject({ zone: 20, zoneWidth: 6, centralMeridian: 117, code: 'EPSG:4498' });
    const wrong = must(detectZonePrefix(must(crsFromEpsg(4547)), [39_400_000, 3e6, 39_600_000, 3.1e6]));
    expect(wrong).toMatchObject({ zone: 39, meridianMismatch: true, code: null });
  });

  it('stays quiet for plain eastings, prefixed CRSs, UTM and degrees', () => {
    expect(detectZonePrefix(must(crsFromEpsg(4548)), [431_200, 3_512_400, 566_045, 3_530_115])).toBeNull();
    expect(
      detectZonePrefix(must(crsFromEpsg(4527)), [39_431_200, 3_512_400, 39_566_045, 3_530_115]),
    ).toBeNull();
    expect(
      detectZonePrefix(must(crsFromEpsg(32650)), [39_431_200, 3_512_400, 39_566_045, 3_530_115]),
    ).toBeNull();
    expect(detectZonePrefix(must(crsFromEpsg(4490)), [116, 31, 117, 32])).toBeNull();
    expect(detectZonePrefix(null, [38_900_000, 3_512_400, 39_100_000, 3_530_115])).toBeNull();
    expect(detectZonePrefix(null, null)).toBeNull();
  });
});

describe('importCrsDecision', () => {
  it('records the prefixed CRS and words the notice with every placeholder filled, in both languages', async () => {
    const shp = fixture('crs', 'gk3_cm117e_prefixed', 'boreholes.shp');
    const stated = crsFromWkt(readFileSync(shp.replace(/\.shp$/, '.prj'), 'utf8'));
    const decision = importCrsDecision(stated, must((await ogrSummary(shp)).extent));
    expect(decision.crs?.code).toBe('EPSG:4527');
    const notice = must(decision.notice);
    expect(notice.code).toBe('crs.zonePrefixed');
    const zh = renderMessage(`notice.${notice.code}`, { ...notice.params, file: 'boreholes.shp' }, 'zh-CN');
    expect(zh).toBe(
      'boreholes.shp：横坐标带有带号 39（3° 带），已按 EPSG:4527 读取，而非文件所写的 EPSG:4548',
    );
    expect(renderMessage(`notice.${notice.code}`, { ...notice.params, file: 'b.shp' }, 'en')).not.toContain(
      '{{',
    );
  });

  it('without a CRS names candidates for prefixed eastings, and asks for a CRS otherwise', async () => {
    const prefixed = importCrsDecision(
      null,
      must((await ogrSummary(fixture('crs', 'gk3_zone39_noprj', 'boreholes.shp'))).extent),
    );
    expect(prefixed).toEqual({
      crs: null,
      notice: {
        code: 'crs.zonePrefixedNoCrs',
        params: { zone: 39, width: 3, candidates: 'EPSG:4527, EPSG:2363' },
      },
    });
    const plain = importCrsDecision(
      null,
      must((await ogrSummary(fixture('crs', 'lonlat_noprj', 'boreholes.shp'))).extent),
    );
    expect(plain).toEqual({ crs: null, notice: { code: 'crs.missing', params: {} } });
    const fine = must(crsFromEpsg(4548));
    expect(importCrsDecision(fine, [431_200, 3_512_400, 566_045, 3_530_115])).toEqual({
      crs: fine,
      notice: null,
    });
  });
});
