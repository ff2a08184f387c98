import { contract, isMethodName, type Handlers } from './contract.js';
import { StrataError, type ApiErrorBody, type Result } from './errors.js';
import { errorMessage, type Lang } from './messages.js';

export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  readonly lang: () => Lang;
  /** Called with unexpected (non-StrataError) failures; must not print attribute values. */
  readonly onInternalError: (method: string, error: unknown, ref: string) => void;
}

/**
 * The one dispatcher every host serves: validate arguments against the contract, call the
 * handler, and wrap the outcome as `{ok, value} | {ok:false, error}`.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  let internalCount = 0;
  const fail = (body: Omit<ApiErrorBody, 'message'>): Result<never> => ({
    ok: false,
    error: { ...body, message: errorMessage(body.code, body.params, options.lang()) },
  });

  return async (method, args) => {
    if (!isMethodName(method)) return fail({ code: 'NOT_FOUND', params: { what: `method ${method}` } });
    const parsed = contract[method].args.safeParse(args ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(args)'}: ${issue.message}`)
        .join('; ');
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
