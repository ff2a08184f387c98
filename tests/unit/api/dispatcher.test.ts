import { describe, expect, it } from 'vitest';
import { ROLES, localCaller, type CallContext } from '../../../src-main/api/caller.js';
import { createDispatcher } from '../../../src-main/api/dispatcher.js';
import { ANYONE, METHOD_NAMES, contract, policyOf, type Handlers } from '../../../src-main/api/contract.js';
import { StrataError } from '../../../src-main/api/errors.js';
import { renderMessage } from '../../../src-main/api/messages.js';

/** Handlers that record what reached them; any call that was not expected fails the test. */
function recordingHandlers(calls: { method: string; args: unknown; ctx?: CallContext }[]): Handlers {
  const handlers: Record<string, (args: unknown, ctx: CallContext) => Promise<unknown>> = {};
  for (const name of METHOD_NAMES) {
    handlers[name] = (args, ctx) => {
      calls.push({ method: name, args, ctx });
      if (name === 'datasets.get')
        return Promise.reject(new StrataError('NOT_FOUND', { what: 'ds_0123456789abcdef' }));
      if (name === 'audit.verify') return Promise.reject(new Error('disk on fire at /secret/path'));
      return Promise.resolve({ echoed: args });
    };
  }
  return handlers as unknown as Handlers;
}

const CURATOR = localCaller('zhang.san');

function setup(caller: CallContext = CURATOR, readOnly = false) {
  const calls: { method: string; args: unknown; ctx?: CallContext }[] = [];
  const internal: string[] = [];
  const dispatcher = createDispatcher(recordingHandlers(calls), {
    readOnly: () => readOnly,
    onInternalError: (m, _e, ref) => internal.push(`${m}:${ref}`),
  });
  const dispatch = (method: string, args: unknown) => dispatcher(method, args, caller);
  return { dispatch, calls, internal };
}

describe('the contract dispatcher', () => {
  it('passes validated arguments to the handler and wraps the value', async () => {
    const { dispatch, calls } = setup();
    const fields = { title: ' 桂林 DEM ', abstract: '', level: '秘密', period: '10年' };
    const result = await dispatch('catalogue.save', { id: 'ds_0123456789abcdef', baseVersion: 2, fields });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([
      {
        method: 'catalogue.save',
        args: {
          id: 'ds_0123456789abcdef',
          baseVersion: 2,
          fields: { ...fields, title: '桂林 DEM' },
        },
        ctx: CURATOR,
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
    expect(renderMessage('error.NOT_FOUND', unknown.error.params, 'zh-CN')).toBe(
      '未找到：未知方法 shell.exec',
    );
    expect(calls).toEqual([]);
  });

  it('refuses a relative export folder with a translated detail: the service cannot know where the caller stands', async () => {
    const { dispatch, calls } = setup();
    const relative = await dispatch('exchange.export', { id: 'ds_0123456789abcdef', outDir: 'out/bags' });
    expect(relative).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', params: { detail: 'detail.pathNotAbsolute' } },
    });
    if (relative.ok) return;
    expect(renderMessage('error.INVALID_ARGUMENT', relative.error.params, 'zh-CN')).toMatch(
      /^参数无效：请填写完整的绝对路径/,
    );
    for (const outDir of ['/data/exchange/outbox', 'D:\\exchange', 'D:/exchange', '\\\\server\\share'])
      expect((await dispatch('exchange.export', { id: 'ds_0123456789abcdef', outDir })).ok).toBe(true);
    expect(calls.map((c) => (c.args as { outDir: string }).outDir)).toEqual([
      '/data/exchange/outbox',
      'D:\\exchange',
      'D:/exchange',
      '\\\\server\\share',
    ]);
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

  it('refuses a caller in none of the method roles with FORBIDDEN, before validating or calling', async () => {
    const reviewerOnly: CallContext = { user: 'li.si', roles: ['reviewer'] };
    const { dispatch, calls } = setup(reviewerOnly);
    const refused = await dispatch('catalogue.save', { id: 'not an id' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const allowed = await dispatch('review.run', { id: 'ds_0123456789abcdef' });
    expect(allowed.ok).toBe(true);
    expect(calls).toEqual([{ method: 'review.run', args: { id: 'ds_0123456789abcdef' }, ctx: reviewerOnly }]);
    // Signed out (no roles): only what a login screen needs runs.
    const nobody = setup({ user: '', roles: [] });
    for (const name of METHOD_NAMES) {
      const result = await nobody.dispatch(name, {});
      if (policyOf(name).roles === ANYONE) continue;
      expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(nobody.calls.map((c) => c.method)).toEqual(['system.info']);
    expect(METHOD_NAMES.filter((name) => policyOf(name).roles === ANYONE)).toEqual([
      'system.info',
      'session.login',
    ]);
  });

  it('runs a method declaring no roles for nobody, not even a caller in every role', async () => {
    const calls: { method: string; args: unknown }[] = [];
    const dispatcher = createDispatcher(recordingHandlers(calls), {
      readOnly: () => false,
      onInternalError: () => undefined,
    });
    const spec = contract['datasets.list'] as { roles: unknown };
    const declared = spec.roles;
    spec.roles = [];
    try {
      expect(await dispatcher('datasets.list', {}, CURATOR)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    } finally {
      spec.roles = declared;
    }
    expect(calls).toEqual([]);
  });
});

describe('method policies in the contract', () => {
  it('every method declares whether it mutates and a non-empty set of known roles', () => {
    for (const name of METHOD_NAMES) {
      const spec: Record<string, unknown> = { ...contract[name] };
      expect(typeof spec['mutates'], name).toBe('boolean');
      const roles = policyOf(name).roles;
      if (roles === ANYONE) continue;
      expect(roles.length, name).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES, `${name}: ${role}`).toContain(role);
    }
  });

  it('the state changes of the archive are the mutating methods', () => {
    const mutating = METHOD_NAMES.filter((name) => policyOf(name).mutates).sort();
    expect(mutating).toEqual([
      'accounts.enable',
      'basemaps.set',
      'catalogue.backup',
      'catalogue.restoreVersion',
      'catalogue.save',
      'dataset.assignCrs',
      'datasets.archive',
      'datasets.import',
      'datasets.restore',
      'datasets.withdraw',
      'exchange.export',
      'exchange.receive',
      'keys.trust',
      'metadata.import',
      'products.atlas',
      'products.create',
      'profiles.load',
      'release.create',
      'review.approve',
      'review.decide',
      'review.return',
      'review.run',
      'users.add',
      'users.changePassword',
      'users.disable',
      'users.setRole',
    ]);
  });

  it('account administration is for administrators only', () => {
    for (const name of [
      'accounts.enable',
      'users.add',
      'users.list',
      'users.disable',
      'users.setRole',
      'catalogue.backup',
      'catalogue.restore',
    ] as const)
      expect(policyOf(name).roles, name).toEqual(['admin']);
  });

  it('only an administrator loads an agency review profile; everyone reads the profiles', async () => {
    expect(policyOf('profiles.load').roles).toEqual(['admin']);
    const curator: CallContext = { user: 'zhang.san', roles: ['curator', 'reviewer'] };
    const { dispatch, calls } = setup(curator);
    expect(await dispatch('profiles.load', { file: '/secure/gx.json' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await dispatch('profiles.list', {})).ok).toBe(true);
    expect(calls.map((c) => c.method)).toEqual(['profiles.list']);
  });

  it('read-only mode refuses every mutating method and lets every other one through', async () => {
    const { dispatch, calls } = setup(CURATOR, true);
    for (const name of METHOD_NAMES) {
      const result = await dispatch(name, {});
      if (policyOf(name).mutates) {
        expect(result, name).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      } else {
        // Past the guard: the call either reached its handler or failed only its argument check.
        const code = result.ok ? null : result.error.code;
        expect(code === 'READ_ONLY' || code === 'FORBIDDEN', `${name}: ${String(code)}`).toBe(false);
      }
    }
    expect(calls.some((c) => policyOf(c.method as (typeof METHOD_NAMES)[number]).mutates)).toBe(false);
    expect(calls.map((c) => c.method)).toContain('datasets.list');
  });

  it('a writable workstation lets the mutating methods reach their handlers', async () => {
    const { dispatch, calls } = setup(CURATOR, false);
    expect(await dispatch('review.run', { id: 'ds_0123456789abcdef' })).toMatchObject({ ok: true });
    expect(calls.map((c) => c.method)).toEqual(['review.run']);
  });
});
