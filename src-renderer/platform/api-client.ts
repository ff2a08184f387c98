import type { ApiClient, MethodArgs, MethodName, MethodResult } from '../../src-main/api/contract.js';
import type { ErrorCode, ErrorParams, Result } from '../../src-main/api/errors.js';
import { METHOD_NAME_LIST } from '../../src-main/api/method-names.js';

/** Carries one call to the host and returns the contract's envelope. */
export interface Transport {
  invoke(method: MethodName, args: unknown): Promise<Result<unknown>>;
}

/** A contract error as the UI sees it: code + params, rendered in the UI's language (error-text.ts). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
  }
}

/** The refusals that mean the caller is signed out (ADR 0175): the UI then shows the login screen. */
export type SessionLost = 'SESSION_REQUIRED' | 'SESSION_EXPIRED';
export const isSessionLost = (code: ErrorCode): code is SessionLost =>
  code === 'SESSION_REQUIRED' || code === 'SESSION_EXPIRED';

/**
 * Builds the typed client: one async function per contract method, throwing ApiError on
 * `{ok:false}`; a refusal for want of a session is also told to `onSessionLost`, whichever call met it.
 */
export function createApi(transport: Transport, onSessionLost: (code: SessionLost) => void): ApiClient {
  const call = async <M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> => {
    const result = await transport.invoke(method, args);
    if (!result.ok && isSessionLost(result.error.code)) onSessionLost(result.error.code);
    if (!result.ok) throw new ApiError(result.error.code, result.error.params);
    return result.value as MethodResult<M>;
  };
  const client: Partial<Record<MethodName, (args: never) => Promise<unknown>>> = {};
  for (const method of METHOD_NAME_LIST) {
    client[method] = (args: never) => call(method, args);
  }
  return client as ApiClient;
}
