import { describe, expect, it } from 'vitest';
import { scaleText } from '../../../../src-main/core/layout/index.js';
import { tidyScale } from '../../../../src-main/core/layout/scale-text.js';
import { barLength } from '../../../../src-main/core/layout/items/scale-bar.js';

describe('scale texts', () => {
  it('groups the denominator in threes', () => {
    expect(scaleText(50_000)).toBe('1:50 000');
    expect(scaleText(1_000_000)).toBe('1:1 000 000');
    expect(scaleText(5000)).toBe('1:5 000');
    expect(scaleText(500)).toBe('1:500');
  });
  it('rounds a fitted scale up to a tidy one', () => {
    expect(tidyScale(43_210)).toBe(50_000);
    expect(tidyScale(50_000)).toBe(50_000);
    expect(tidyScale(120_000)).toBe(200_000);
    expect(tidyScale(2_100)).toBe(2_500);
  });
  it('makes the scale bar the longest round ground length that fits', () => {
    // 72 mm at 1:50 000 is 3.6 km: 2 km fits, 5 km does not.
    expect(barLength(50_000, 72)).toBe(2000);
    expect(barLength(10_000, 80)).toBe(500);
  });
});
