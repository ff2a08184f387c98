import type { CallContext } from './caller.js';
import { contract, isMethodName, type Handlers } from './contract.js';
import { StrataError, type ApiErrorBody, type Result } from './errors.js';
import { isMessageKey } from './messages.js';
import { mayCall } from './permissions.js';

/** The dispatcher as a host serves it: every call comes with the caller the host identified. */
export type ContextDispatch = (method: string, args: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/** A dispatcher bound to one caller (a CLI run, a harness session, a test). */
export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** True while the workstation is read-only (broken audit chain): mutating methods are refused. */
  readonly readOnly: () => boolean;
  /** Called with unexpected (non-StrataError) failures; must not print attribute values. */
  readonly onInternalError: (method: string, error: unknown, ref: string) => void;
}

/**
 * The one dispatcher every host serves. In order: an unknown method is NOT_FOUND; a caller in none
 * of the method's roles is FORBIDDEN (a method declaring none runs for nobody); a mutating method on a read-only workstation is READ_ONLY
 * (all three from the contract's own declarations, so a new method cannot skip them); arguments
 * are validated; then the handler runs with the caller, and the outcome is wrapped as
 * `{ok, value} | {ok:false, error}`.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): ContextDispatch {
  let internalCount = 0;
  const fail = (error: ApiErrorBody): Result<never> => ({ ok: false, error });

  return async (method, args, ctx) => {
    if (!isMethodName(method))
      return fail({ code: 'NOT_FOUND', params: { what: 'detail.unknownMethod', method } });
    const spec = contract[method];
    if (!mayCall(spec, ctx.roles)) return fail({ code: 'FORBIDDEN', params: {} });
    if (spec.mutates && options.readOnly()) return fail({ code: 'READ_ONLY', params: {} });
    const parsed = spec.args.safeParse(args ?? {});
    if (!parsed.success) {
      // Field paths, or the contract's own message key: zod's wording is English, hosts render the rest.
      const detail = [
        ...new Set(
          parsed.error.issues.map((issue) =>
            isMessageKey(issue.message) ? issue.message : issue.path.join('.') || '(args)',
          ),
        ),
      ].join(', ');
      return fail({ code: 'INVALID_ARGUMENT', params: { detail } });
    }
    try {
      const handler = handlers[method] as (a: unknown, c: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, ctx) };
    } catch (error) {
      if (error instanceof StrataError) return fail({ code: error.code, params: error.params });
      internalCount += 1;
      const ref = `E${Date.now().toString(36)}-${String(internalCount)}`;
      options.onInternalError(method, error, ref);
      return fail({ code: 'INTERNAL', params: { ref } });
    }
  };
}

/** The dispatcher as one caller sees it. */
export const forCaller =
  (dispatch: ContextDispatch, ctx: CallContext): Dispatch =>
  (method, args) =>
    dispatch(method, args, ctx);
