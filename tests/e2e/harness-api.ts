import type { MethodArgs, MethodName, MethodResult } from '../../src-main/api/contract.js';
import type { Result } from '../../src-main/api/errors.js';

/** Typed calls to a running harness's /rpc endpoint: how a scenario sets up the state it starts from. */
export interface HarnessApi {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
}

/**
 * The contract over HTTP with the run token, sent from the harness's own origin as the page sends
 * it. A call the service refuses throws with its code, so set-up never goes on from a wrong state.
 */
export function harnessApi(origin: string, token: string): HarnessApi {
  return {
    async call(method, args) {
      const response = await fetch(`${origin}/rpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-strata-token': token, origin },
        body: JSON.stringify({ method, args }),
      });
      if (!response.ok) throw new Error(`${method}: HTTP ${String(response.status)}`);
      const result = (await response.json()) as Result<unknown>;
      if (!result.ok)
        throw new Error(`${method} failed: ${result.error.code} ${JSON.stringify(result.error.params)}`);
      return result.value as never;
    },
  };
}
