import { afterAll, describe, expect, it } from 'vitest';
import { asDatasetId } from '../../../src-main/core/model/ids.js';
import { initI18n } from '../../../src-renderer/i18n/i18n.js';
import {
  datasetTitle,
  levelText,
  markingText,
  messageText,
  periodText,
  profileName,
  showMessage,
} from '../../../src-renderer/i18n/messages.js';

const i18n = initI18n('zh-CN');
const inLang = async (lang: 'zh-CN' | 'en', text: () => string): Promise<string> => {
  await i18n.changeLanguage(lang);
  return text();
};

afterAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('the renderer renders host keys through i18next', () => {
  it('reads dotted catalogue keys as flat keys and fills nested problem keys', async () => {
    const params = { file: 'dizhi.shp', problem: 'problem.dbfTooManyRecords', count: 100000000 };
    expect(await inLang('zh-CN', () => messageText('error.TOO_LARGE', params))).toBe(
      '文件超出处理上限：dizhi.shp（.dbf 声明有 100000000 条记录，超出上限）',
    );
    expect(await inLang('en', () => messageText('error.TOO_LARGE', params))).toBe(
      'File exceeds the processing limit: dizhi.shp (.dbf declares 100000000 records)',
    );
  });

  it('shows verify problems and lineage steps in the current language; unknown keys as themselves', async () => {
    const skipped = { key: 'bag.skipped', params: {} };
    expect(await inLang('zh-CN', () => showMessage(skipped))).toBe('已跳过：前一步未通过');
    expect(await inLang('en', () => showMessage(skipped))).toBe('skipped: an earlier step failed');
    const step = { key: 'lineage.resample-block-average', params: { resolution: 100, unit: 'm' } };
    expect(await inLang('en', () => showMessage(step))).toBe('Resampled by block average to 100 m');
    expect(await inLang('en', () => showMessage({ key: 'lineage.from-a-newer-build', params: {} }))).toBe(
      'lineage.from-a-newer-build',
    );
  });

  it('displays stored levels, periods, markings, profile and public-version titles per language', async () => {
    expect(await inLang('en', () => levelText('秘密'))).toBe('Confidential (秘密)');
    expect(await inLang('zh-CN', () => levelText('秘密'))).toBe('秘密');
    expect(await inLang('en', () => periodText('机密', '20年'))).toBe('20 years');
    expect(await inLang('en', () => markingText('绝密', ''))).toBe('Top secret (绝密) ★ 30 years');
    expect(await inLang('zh-CN', () => markingText('绝密', '长期'))).toBe('绝密★长期');
    const profile = { id: 'cn-default', name: '默认审查规则' };
    expect(await inLang('en', () => profileName(profile))).toMatch(/^Default review profile/);
    expect(await inLang('en', () => profileName({ id: 'local-2025', name: 'Local rules' }))).toBe(
      'Local rules',
    );
    const publicVersion = {
      title: '桂林 DEM',
      name: 'guilin.tif',
      sourceId: asDatasetId('ds_0123456789abcdef'),
    };
    expect(await inLang('en', () => datasetTitle(publicVersion))).toBe('桂林 DEM (public version)');
    expect(await inLang('zh-CN', () => datasetTitle(publicVersion))).toBe('桂林 DEM（公开版）');
    expect(await inLang('en', () => datasetTitle({ ...publicVersion, sourceId: null, title: '' }))).toBe(
      'guilin.tif',
    );
  });
});
