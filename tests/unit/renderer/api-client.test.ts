import { beforeAll, describe, expect, it } from 'vitest';
import { localCaller } from '../../../src-main/api/caller.js';
import { createDispatcher, forCaller } from '../../../src-main/api/dispatcher.js';
import { METHOD_NAMES, type Handlers } from '../../../src-main/api/contract.js';
import { StrataError } from '../../../src-main/api/errors.js';
import { ApiError, createApi } from '../../../src-renderer/platform/api-client.js';
import { initI18n } from '../../../src-renderer/i18n/i18n.js';
import { errorText } from '../../../src-renderer/platform/error-text.js';
import { takeTokenFromUrl } from '../../../src-renderer/platform/harness-transport.js';

/** The real dispatcher behind the UI's client, with handlers that refuse an export. */
function clientOverDispatcher() {
  const handlers: Record<string, () => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) handlers[name] = () => Promise.resolve({ called: name });
  handlers['exchange.export'] = () =>
    Promise.reject(
      new StrataError('EXPORT_REFUSED', { reason: 'reason.levelAbovePublic', level: 'level.秘密' }),
    );
  const dispatch = createDispatcher(handlers as unknown as Handlers, {
    readOnly: () => false,
    onInternalError: () => undefined,
  });
  const asUser = forCaller(dispatch, localCaller('curator'));
  return createApi({ invoke: (method, args) => asUser(method, args) }, () => {
    throw new Error('no call here lacks a session');
  });
}

const i18n = initI18n('zh-CN');
const inLang = async (lang: 'zh-CN' | 'en', text: () => string): Promise<string> => {
  await i18n.changeLanguage(lang);
  return text();
};

describe('the renderer api client', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('offers every contract method and unwraps values', async () => {
    const api = clientOverDispatcher();
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(await api['datasets.list']({})).toEqual({ called: 'datasets.list' });
  });

  it('turns a refusal into an ApiError the UI can re-translate when the language changes', async () => {
    const api = clientOverDispatcher();
    const error = await api['exchange.export']({ id: 'ds_0123456789abcdef', outDir: '/tmp/x' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('EXPORT_REFUSED');
    expect(await inLang('zh-CN', () => errorText(error))).toBe(
      '拒绝导出：密级为“秘密”，只有“公开”级数据可以导出',
    );
    expect(await inLang('en', () => errorText(error))).toBe(
      'Export refused: the level is Confidential (秘密); only unclassified (公开) data may be exported',
    );
  });

  it('tells the UI when a call was refused for want of a session, and only then', async () => {
    const lost: string[] = [];
    const refusals = ['SESSION_EXPIRED', 'FORBIDDEN', 'SESSION_REQUIRED'] as const;
    let next = 0;
    const api = createApi(
      {
        invoke: () =>
          Promise.resolve({ ok: false, error: { code: refusals[next++] ?? 'INTERNAL', params: {} } }),
      },
      (code) => lost.push(code),
    );
    for (const code of refusals)
      await expect(api['datasets.list']({})).rejects.toMatchObject({ name: 'ApiError', code });
    expect(lost).toEqual(['SESSION_EXPIRED', 'SESSION_REQUIRED']);
    expect(await inLang('zh-CN', () => errorText(new ApiError('SESSION_EXPIRED', {})))).toBe(
      '登录已过期（长时间未操作），请重新登录',
    );
  });

  it('says plainly when the host cannot be reached, without internals', async () => {
    expect(await inLang('en', () => errorText(new TypeError('Failed to fetch')))).toBe(
      'Cannot reach the workstation service (Failed to fetch)',
    );
  });
});

describe('the harness token', () => {
  it('is read once from ?token= and removed from the address bar', () => {
    const replaced: string[] = [];
    const location = { href: 'http://127.0.0.1:4000/?token=abc123&x=1#map' } as Location;
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url),
    } as unknown as History;
    expect(takeTokenFromUrl(location, history)).toBe('abc123');
    expect(replaced).toEqual(['/?x=1#map']);
  });
});
