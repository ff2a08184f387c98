import { describe, expect, it } from 'vitest';
import { subjectTexts } from '../../../../src-main/core/review/subject-texts.js';

describe('the texts a review reads besides the data', () => {
  it('are the file and layer names and the record’s title and abstract', () => {
    expect(
      subjectTexts('矿产地质.gpkg', '钻孔', { title: '某矿区钻孔', abstract: '1:5000 钻孔分布' }),
    ).toEqual([
      { part: 'file-name', name: '矿产地质.gpkg', text: '矿产地质.gpkg' },
      { part: 'layer-name', name: '钻孔', text: '钻孔' },
      { part: 'metadata.title', text: '某矿区钻孔' },
      { part: 'metadata.abstract', text: '1:5000 钻孔分布' },
    ]);
  });

  it('leave out what a single-layer file or a dataset without record text does not have', () => {
    expect(subjectTexts('dem_5m.tif', null, { title: 'DEM', abstract: '  ' })).toEqual([
      { part: 'file-name', name: 'dem_5m.tif', text: 'dem_5m.tif' },
      { part: 'metadata.title', text: 'DEM' },
    ]);
    expect(subjectTexts('dem_5m.tif', null, null)).toHaveLength(1);
  });
});
