import type { MethodArgs, MethodName, MethodResult } from '../../src-main/api/contract.js';
import type { Result } from '../../src-main/api/errors.js';

/** Typed calls to a running harness's /rpc endpoint: how a scenario sets up the state it starts from. */
export interface HarnessApi {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  /** Logs in (ADR 0175): the contract as that user's session sees it, through its session cookie. */
  login(name: string, password: string): Promise<HarnessApi>;
}

/**
 * The contract over HTTP with the run token, sent from the harness's own origin as the page sends
 * it, and with a login session when one was made. A call the service refuses throws with its
 * code, so set-up never goes on from a wrong state.
 */
export function harnessApi(origin: string, token: string, session?: string): HarnessApi {
  const post = (method: string, args: unknown): Promise<Response> =>
    fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-strata-token': token,
        origin,
        ...(session === undefined ? {} : { cookie: `strata_session=${session}` }),
      },
      body: JSON.stringify({ method, args }),
    });
  const unwrap = async (method: string, response: Response): Promise<unknown> => {
    if (!response.ok) throw new Error(`${method}: HTTP ${String(response.status)}`);
    const result = (await response.json()) as Result<unknown>;
    if (!result.ok)
      throw new Error(`${method} failed: ${result.error.code} ${JSON.stringify(result.error.params)}`);
    return result.value;
  };
  return {
    async call(method, args) {
      return (await unwrap(method, await post(method, args))) as never;
    },
    async login(name, password) {
      const response = await post('session.login', { name, password });
      await unwrap('session.login', response);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('strata_session='));
      const id = /^strata_session=([0-9a-f]+)/.exec(cookie ?? '')?.[1];
      if (id === undefined) throw new Error(`session.login of ${name} set no session cookie`);
      return harnessApi(origin, token, id);
    },
  };
}
