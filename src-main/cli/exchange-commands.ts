import { readFile } from 'node:fs/promises';
import { StrataError } from '../api/errors.js';
import type {
  ReceiptView,
  ReceiveResult,
  ReceiveStep,
  StepCheck,
  TrustedKeyView,
  VerifyResult,
} from '../api/types.js';
import { call, need, type CommandContext } from './command-context.js';

// Packages and keys: `verify`, `receive`, `receipts`, `key export`, `keys trust|list` (ADR 0032, 0177).

/** A key given inline as PEM or as the path of a PEM file. */
async function readKey(value: string | undefined): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (value.includes('-----BEGIN')) return value;
  return readFile(value, 'utf8').catch(() => {
    throw new StrataError('FILE_NOT_FOUND', { file: value });
  });
}

/** One line per step: ok or failed, the step's name, its problems. */
const checksText = (ctx: CommandContext, checks: readonly StepCheck<ReceiveStep>[]): string =>
  checks
    .map(
      (c) =>
        `${ctx.out.text(c.ok ? 'cli.checkOk' : 'cli.checkFailed', {})} ${ctx.out.text(`verify.${c.step}`, {})}${
          c.problems.length ? `: ${c.problems.map((p) => ctx.out.text(p.key, p.params)).join('; ')}` : ''
        }`,
    )
    .join('\n');

const receiptLine = (r: ReceiptView): string =>
  `${String(r.seq).padStart(5)}  ${r.receivedAt}  ${r.ok ? 'ok    ' : (r.failedStep ?? '-').padEnd(6)} ${r.bag}  ${r.datasets.join(',')}`;

export const EXCHANGE_COMMANDS: Readonly<Record<string, (ctx: CommandContext) => Promise<number>>> = {
  async verify(ctx) {
    const keyPem = await readKey(ctx.options['key']);
    const result = await call<VerifyResult>(ctx, 'exchange.verify', {
      bag: need(ctx, 1, 'BAG'),
      ...(keyPem ? { keyPem } : {}),
    });
    ctx.out.result(result, () => checksText(ctx, result.checks));
    if (!result.ok) ctx.out.error({ code: 'VERIFY_FAILED', params: { bag: result.bag } });
    return result.ok ? 0 : 1;
  },
  async receive(ctx) {
    const result = await call<ReceiveResult>(ctx, 'exchange.receive', {
      bag: need(ctx, 1, 'BAG'),
      jobId: ctx.jobId,
    });
    ctx.out.result(result, () =>
      [
        checksText(ctx, result.checks),
        ...result.datasets.map((d) => `${d.id}  ${d.title}`),
        ctx.out.text('cli.receipt', { receipt: result.receipt }),
      ].join('\n'),
    );
    if (!result.ok) ctx.out.error({ code: 'RECEIVE_REFUSED', params: { bag: result.bag } });
    return result.ok ? 0 : 1;
  },
  async receipts(ctx) {
    const limit = Number(ctx.options['limit'] ?? 50);
    const list = await call<ReceiptView[]>(ctx, 'exchange.receipts', { limit });
    ctx.out.result(list, () => list.map(receiptLine).join('\n'));
    return 0;
  },
  async key(ctx) {
    if (ctx.positionals[1] !== 'export')
      throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.usage', usage: 'strata key export' });
    const key = await call<{ pem: string; fingerprint: string }>(ctx, 'keys.publicKey', {});
    ctx.out.result(key, () => key.pem.trimEnd());
    return 0;
  },
  async keys(ctx) {
    const sub = ctx.positionals[1];
    if (sub === 'list') {
      const keys = await call<TrustedKeyView[]>(ctx, 'keys.trusted', {});
      ctx.out.result(keys, () => keys.map((k) => k.fingerprint).join('\n'));
      return 0;
    }
    if (sub !== 'trust')
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.usage',
        usage: 'strata keys trust PEM | keys list',
      });
    const pem = await readKey(need(ctx, 2, 'PEM'));
    const key = await call<TrustedKeyView & { added: boolean }>(ctx, 'keys.trust', { pem });
    ctx.out.result(key, () =>
      ctx.out.text(key.added ? 'cli.keyPinned' : 'cli.keyPinnedAlready', { fingerprint: key.fingerprint }),
    );
    return 0;
  },
};
