import { StrataError } from '../api/errors.js';
import type { ApiErrorBody } from '../api/errors.js';
import type { Dispatch } from '../api/dispatcher.js';
import type { Output } from './output.js';

export interface CommandContext {
  readonly dispatch: Dispatch;
  /** Id of the long job this run may start (import, release, export), so Ctrl+C can cancel it. */
  readonly jobId: string;
  readonly out: Output;
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | undefined>>;
  /** Options that may be given several times (`--facet k=v --facet k=v`), in order. */
  readonly lists?: Readonly<Record<string, readonly string[]>>;
  /** A new password for `user` (STRATA_NEW_PASSWORD or asked for twice on the terminal). */
  newPassword(user: string): Promise<string>;
  /** The password this run logged in with (STRATA_PASSWORD or asked for once). */
  currentPassword(): Promise<string>;
}

/** Calls one contract method; a failed envelope becomes a thrown StrataError for the caller. */
export async function call<T>(ctx: CommandContext, method: string, args: unknown): Promise<T> {
  const result = await ctx.dispatch(method, args);
  if (!result.ok) throw new CliFailure(result.error);
  return result.value as T;
}

export class CliFailure extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.code);
  }
}

export function need(ctx: CommandContext, index: number, what: string): string {
  const value = ctx.positionals[index];
  if (!value) throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.missingArgument', what });
  return value;
}
