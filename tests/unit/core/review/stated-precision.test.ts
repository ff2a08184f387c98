import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../../../../src-main/core/crs/index.js';
import type { RasterInfo } from '../../../../src-main/core/model/index.js';
import { positionPrecisionRule, rasterResolutionRule } from '../../../../src-main/core/review/rules/index.js';
import {
  chineseNumber,
  finestStated,
  withoutStatedPrecision,
} from '../../../../src-main/core/review/stated-precision.js';
import { subjectTexts } from '../../../../src-main/core/review/subject-texts.js';

const metres = (text: string, part: 'metadata.abstract' | 'file-name' = 'metadata.abstract'): number | null =>
  finestStated(text, part)?.metres ?? null;

/** A 100 m DEM: its pixels pass, so only what its texts say can be found. */
const dem: RasterInfo = {
  kind: 'raster',
  width: 10,
  height: 10,
  bandCount: 1,
  dataType: 'Float32',
  crs: crsFromEpsg(4548),
  extent: [500000, 3000000, 501000, 3001000],
  pixelSize: [100, 100],
  origin: [500000, 3001000],
  nodata: null,
};

describe('precisions stated in texts (ADR 0164)', () => {
  it('reads grids, resolutions, accuracies and scales in Chinese and English', () => {
    expect(metres('本数据为5米格网DEM')).toBe(5);
    expect(metres('影像分辨率0.3米')).toBe(0.3);
    expect(metres('平面精度为10米')).toBe(10);
    expect(metres('30厘米分辨率航空影像')).toBeCloseTo(0.3, 9);
    expect(metres('a 10 m resolution DEM')).toBe(10);
    expect(metres('grid spacing of 2.5 m')).toBe(2.5);
    expect(metres('1公里格网')).toBe(1000);
    // A scale stands for 0.1 mm on the map.
    expect(finestStated('1:2000 地形图', 'metadata.abstract')).toEqual({ metres: 0.2, scale: 2000 });
    expect(metres('1∶5000')).toBe(0.5);
    expect(metres('1：10,000 地质图')).toBe(1);
    expect(metres('1:5万区域地质调查')).toBe(5);
    expect(metres('二千分之一地形图')).toBe(0.2);
    expect(metres('五十万分之一')).toBe(50);
    expect(chineseNumber('二十五万')).toBe(250_000);
    expect(chineseNumber('一万')).toBe(10_000);
    // File names: a bare size token between separators.
    expect(metres('guilin_dem_xian80_gk40_5m.public.tif', 'file-name')).toBe(5);
    expect(metres('ortho-0p5m.tif', 'file-name')).toBe(0.5);
    expect(metres('dem_30cm.tif', 'file-name')).toBeCloseTo(0.3, 9);
  });

  it('finds nothing where no precision is stated', () => {
    expect(metres('桂林幅数字高程模型，覆盖约50平方千米')).toBeNull();
    expect(metres('误差小于百分之一，会议于1:30开始')).toBeNull();
    expect(metres('钻孔深度 5m')).toBeNull();
    expect(metres('gk40_2020.tif', 'file-name')).toBeNull();
    expect(metres('report_5mm2.tif', 'file-name')).toBeNull();
  });

  it('drops the sentences that state one, keeps the rest', () => {
    expect(withoutStatedPrecision('桂林幅DEM。本数据为5米格网。覆盖阳朔县。')).toBe(
      '桂林幅DEM。覆盖阳朔县。',
    );
    expect(withoutStatedPrecision('分辨率0.3米')).toBe('');
  });

  it('raster-resolution blocks a 5 m DEM’s abstract and file name, located by part; a title has no action', () => {
    const texts = subjectTexts('guilin_dem_5m.tif', null, { title: '桂林 5m DEM', abstract: '5米格网' });
    const findings = rasterResolutionRule.check(
      { kind: 'raster', name: 'guilin_dem_5m.tif', layer: null, texts, hidden: [], info: dem },
      { demGridMetres: 100, imageryResolutionMetres: 0.5 },
    );
    expect(findings.map((f) => [f.messageKey, f.where, f.params, f.action])).toEqual([
      [
        'finding.statedPrecision',
        { part: 'file-name', name: 'guilin_dem_5m.tif' },
        { precision: 5, threshold: 100 },
        'strip-hidden',
      ],
      ['finding.statedPrecision', { part: 'metadata.title' }, { precision: 5, threshold: 100 }, null],
      [
        'finding.statedPrecision',
        { part: 'metadata.abstract' },
        { precision: 5, threshold: 100 },
        'strip-hidden',
      ],
    ]);
    // The title's bare token may be the file stem import gave it: a warning; the others block.
    expect(findings.map((f) => f.severity)).toEqual(['blocking', 'warning', 'blocking']);
    expect(findings.every((f) => f.ruleVersion === 2)).toBe(true);
    // Said in words, a title's precision blocks.
    const worded = rasterResolutionRule.check(
      {
        kind: 'raster',
        name: 'd.tif',
        layer: null,
        texts: subjectTexts('d.tif', null, { title: '5米格网 DEM', abstract: '' }),
        hidden: [],
        info: dem,
      },
      { demGridMetres: 100, imageryResolutionMetres: 0.5 },
    );
    expect(worded).toMatchObject([{ severity: 'blocking', where: { part: 'metadata.title' }, action: null }]);
    // The public version's texts state its own grid: nothing to find.
    const publicTexts = subjectTexts('桂林_DEM.public.tif', null, {
      title: '桂林 DEM',
      abstract: '本数据为公开版：按块平均重采样至 100 m；按允许清单重新写出（不含隐藏内容）。',
    });
    expect(
      rasterResolutionRule.check(
        {
          kind: 'raster',
          name: '桂林_DEM.public.tif',
          layer: null,
          texts: publicTexts,
          hidden: [],
          info: dem,
        },
        { demGridMetres: 100, imageryResolutionMetres: 0.5 },
      ),
    ).toEqual([]);
  });

  it('position-precision blocks a vector whose record states 精度10米, and leaves scales to coverage-area', () => {
    const subject = (abstract: string) => ({
      kind: 'vector' as const,
      name: 'geology.geojson',
      layer: null,
      texts: subjectTexts('geology.geojson', null, { title: '地质图', abstract }),
      hidden: [],
      features: [],
      info: {
        kind: 'vector' as const,
        featureCount: 0,
        geometryType: 'None' as const,
        fields: [],
        crs: crsFromEpsg(4490),
        extent: null,
        encoding: 'UTF-8',
      },
    });
    expect(positionPrecisionRule.check(subject('平面精度10米'), { metres: 50 })).toMatchObject([
      {
        messageKey: 'finding.statedPrecision',
        where: { part: 'metadata.abstract' },
        params: { precision: 10 },
      },
    ]);
    expect(positionPrecisionRule.check(subject('1:2000 实测，精度50米'), { metres: 50 })).toEqual([]);
  });
});
