import { afterAll, describe, expect, it } from 'vitest';
import type { RecordFields } from '../../../src-main/api/types.js';
import { formChanged, toForm } from '../../../src-renderer/features/catalogue/record-form.js';
import { initI18n } from '../../../src-renderer/i18n/i18n.js';

const i18n = initI18n('zh-CN');
afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

const record: RecordFields = {
  title: '桂林幅 数字高程模型',
  abstract: '5 米格网。',
  attribution: '广西地质调查院',
  level: '秘密',
  period: '10年',
};

describe('whether the 著录 form has anything to save', () => {
  it('has nothing while the form shows the version, in either language', async () => {
    expect(formChanged(toForm(record), record)).toBe(false);
    await i18n.changeLanguage('en');
    expect(toForm(record).period).toBe('10 years');
    expect(formChanged(toForm(record), record)).toBe(false);
  });

  it('has nothing when only what the save drops differs: spaces round the title, the period as typed', () => {
    expect(formChanged({ ...toForm(record), title: ` ${record.title} ` }, record)).toBe(false);
    expect(formChanged({ ...toForm(record), period: '10' }, record)).toBe(false);
    const open: RecordFields = { ...record, level: '公开', period: '' };
    // The period field of a level without one is not saved.
    expect(formChanged({ ...toForm(open), period: '20年' }, open)).toBe(false);
  });

  it('has a change in any field, and counts a period that is not one as a change', () => {
    const form = toForm(record);
    expect(formChanged({ ...form, title: '桂林幅 数字高程模型（修订）' }, record)).toBe(true);
    expect(formChanged({ ...form, abstract: '' }, record)).toBe(true);
    expect(formChanged({ ...form, attribution: '' }, record)).toBe(true);
    expect(formChanged({ ...form, level: '机密' }, record)).toBe(true);
    expect(formChanged({ ...form, period: '20年' }, record)).toBe(true);
    expect(formChanged({ ...form, level: '内部' }, record)).toBe(true);
    // The save then refuses it at the field instead of being unavailable without a reason.
    expect(formChanged({ ...form, period: 'abc' }, record)).toBe(true);
  });
});
