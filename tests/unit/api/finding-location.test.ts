import { describe, expect, it } from 'vitest';
import { LOCATION_SEPARATOR, locationMessages } from '../../../src-main/api/finding-location.js';
import { renderMessage } from '../../../src-main/api/messages.js';
import type { FindingLocation } from '../../../src-main/core/model/index.js';

const render = (where: FindingLocation, lang: 'zh-CN' | 'en'): string =>
  locationMessages(where)
    .map((m) => renderMessage(m.key, m.params, lang))
    .join(LOCATION_SEPARATOR);

describe('a finding’s location, as each host shows it', () => {
  it('is the whole dataset when the rule names no part', () => {
    expect(render({}, 'zh-CN')).toBe('整个数据集');
    expect(render({}, 'en')).toBe('whole dataset');
  });

  it('names the field, band, features (a few, and how many in all), window and area, in order', () => {
    const where: FindingLocation = {
      field: '品位',
      band: 2,
      features: [3, 8, 13, 21, 34, 55, 89],
      featureCount: 240,
      window: [512, 0, 256, 128],
      area: [39_500_000.1234567, 2_800_000, 39_501_000, 2_801_000],
    };
    expect(render(where, 'zh-CN')).toBe(
      '字段 品位 · 第 2 波段 · 要素 3, 8, 13, 21, 34, …（共 240 个） · 像元窗口：第 512 列、第 0 行起 256×128 · 范围 39500000.12, 2800000 至 39501000, 2801000',
    );
    expect(render({ features: [4, 9] }, 'en')).toBe('features 4, 9 (2 in all)');
  });

  it('names a part of the files with its own name', () => {
    expect(render({ part: 'file-name', name: '桂林_5m.tif' }, 'zh-CN')).toBe('文件名 桂林_5m.tif');
    expect(render({ part: 'metadata.abstract' }, 'en')).toBe('record abstract');
  });
});
