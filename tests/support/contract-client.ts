import type { Dispatch } from '../../src-main/api/dispatcher.js';
import type { MethodArgs, MethodName, MethodResult } from '../../src-main/api/contract.js';
import type { ApiErrorBody } from '../../src-main/api/errors.js';

/** Typed calls over any host's dispatch (in process, or the harness over HTTP). */
export interface Client {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  fail<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<ApiErrorBody>;
}

export function clientOf(dispatch: Dispatch): Client {
  return {
    async call(method, args) {
      const result = await dispatch(method, args);
      if (!result.ok)
        throw new Error(`${method} failed: ${result.error.code} ${JSON.stringify(result.error.params)}`);
      return result.value as never;
    },
    async fail(method, args) {
      const result = await dispatch(method, args);
      if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
      return result.error;
    },
  };
}

/** The harness's /rpc endpoint as a Dispatch, sending the Origin a browser on the harness page would. */
export function httpDispatch(origin: string, token: string): Dispatch {
  return async (method, args) => {
    const response = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-strata-token': token, origin },
      body: JSON.stringify({ method, args }),
    });
    if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
    return (await response.json()) as Awaited<ReturnType<Dispatch>>;
  };
}
