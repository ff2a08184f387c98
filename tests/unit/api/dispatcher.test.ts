import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher.js';
import { METHOD_NAMES, type Handlers } from '../../../src-main/api/contract.js';
import { StrataError } from '../../../src-main/api/errors.js';
import { renderMessage } from '../../../src-main/api/messages.js';

/** Handlers that record what reached them; any call that was not expected fails the test. */
function recordingHandlers(calls: { method: string; args: unknown }[]): Handlers {
  const handlers: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) {
    handlers[name] = (args) => {
      calls.push({ method: name, args });
      if (name === 'datasets.get')
        return Promise.reject(new StrataError('NOT_FOUND', { what: 'ds_0123456789abcdef' }));
      if (name === 'audit.verify') return Promise.reject(new Error('disk on fire at /secret/path'));
      return Promise.resolve({ echoed: args });
    };
  }
  return handlers as unknown as Handlers;
}

describe('the contract dispatcher', () => {
  const setup = () => {
    const calls: { method: string; args: unknown }[] = [];
    const internal: string[] = [];
    const dispatch = createDispatcher(recordingHandlers(calls), {
      onInternalError: (m, _e, ref) => internal.push(`${m}:${ref}`),
    });
    return { dispatch, calls, internal };
  };

  it('passes validated arguments to the handler and wraps the value', async () => {
    const { dispatch, calls } = setup();
    const fields = { title: ' 桂林 DEM ', abstract: '', level: '秘密', period: '10年' };
    const result = await dispatch('catalogue.save', { id: 'ds_0123456789abcdef', baseVersion: 2, fields });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([
      {
        method: 'catalogue.save',
        args: { id: 'ds_0123456789abcdef', baseVersion: 2, fields: { ...fields, title: '桂林 DEM' } },
      },
    ]);
  });

  it('refuses invalid arguments before any handler runs, naming the field', async () => {
    const { dispatch, calls } = setup();
    const bad = await dispatch('catalogue.save', {
      id: 'ds_0123456789abcdef',
      baseVersion: 0,
      fields: { title: '', abstract: '', level: '顶级', period: '十年' },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('INVALID_ARGUMENT');
    expect(renderMessage('error.INVALID_ARGUMENT', bad.error.params, 'en')).toMatch(
      /^Invalid argument: .*baseVersion.*fields\.title.*fields\.level.*fields\.period/,
    );
    const badId = await dispatch('datasets.get', { id: '../../etc/passwd' });
    expect(badId.ok).toBe(false);
    const unknown = await dispatch('shell.exec', {});
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', params: { what: 'detail.unknownMethod', method: 'shell.exec' } },
    });
    if (unknown.ok) return;
    expect(renderMessage('error.NOT_FOUND', unknown.error.params, 'zh-CN')).toBe('未找到：未知方法 shell.exec');
    expect(calls).toEqual([]);
  });

  it('passes service errors on as code + params (no text) and hides internal ones behind a reference', async () => {
    const { dispatch, internal } = setup();
    const notFound = await dispatch('datasets.get', { id: 'ds_0123456789abcdef' });
    expect(notFound).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        params: { what: 'ds_0123456789abcdef' },
      },
    });
    const crash = await dispatch('audit.verify', {});
    expect(crash.ok).toBe(false);
    if (crash.ok) return;
    expect(crash.error.code).toBe('INTERNAL');
    expect(JSON.stringify(crash.error)).not.toContain('/secret/path');
    expect(internal).toHaveLength(1);
  });
});
