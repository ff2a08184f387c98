import { contract, isMethodName, type Handlers } from './contract.js';
import { StrataError, type ApiErrorBody, type Result } from './errors.js';

export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Called with unexpected (non-StrataError) failures; must not print attribute values. */
  readonly onInternalError: (method: string, error: unknown, ref: string) => void;
}

/**
 * The one dispatcher every host serves: validate arguments against the contract, call the
 * handler, and wrap the outcome as `{ok, value} | {ok:false, error}`. Errors carry code + params
 * only; each host renders them in its own language.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  let internalCount = 0;
  const fail = (error: ApiErrorBody): Result<never> => ({ ok: false, error });

  return async (method, args) => {
    if (!isMethodName(method)) return fail({ code: 'NOT_FOUND', params: { what: 'detail.unknownMethod', method } });
    const parsed = contract[method].args.safeParse(args ?? {});
    if (!parsed.success) {
      // Field paths only: zod's own wording is English, and hosts render the rest of the message.
      const detail = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(args)'))].join(', ');
      return fail({ code: 'INVALID_ARGUMENT', params: { detail } });
    }
    try {
      const handler = handlers[method] as (a: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof StrataError) return fail({ code: error.code, params: error.params });
      internalCount += 1;
      const ref = `E${Date.now().toString(36)}-${String(internalCount)}`;
      options.onInternalError(method, error, ref);
      return fail({ code: 'INTERNAL', params: { ref } });
    }
  };
}
