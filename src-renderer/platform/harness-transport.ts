import type { MethodName } from '../../src-main/api/contract.js';
import type { Result } from '../../src-main/api/errors.js';
import type { Transport } from './api-client.js';

/**
 * Reads the per-run token from `?token=` once and removes it from the address bar, so it does not
 * linger in history or screenshots. Later calls return the remembered value.
 */
export function takeTokenFromUrl(location: Location, history: History): string {
  const url = new URL(location.href);
  const token = url.searchParams.get('token') ?? '';
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return token;
}

/** The harness dispatcher over HTTP: POST /rpc {method, args} with the run token. */
export function createHarnessTransport(token: string): Transport {
  return {
    async invoke(method: MethodName, args: unknown): Promise<Result<unknown>> {
      const response = await fetch('/rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-strata-token': token },
        body: JSON.stringify({ method, args }),
      });
      const text = await response.text();
      try {
        return JSON.parse(text) as Result<unknown>;
      } catch {
        // A non-JSON answer (proxy page, 401 text) still reaches the UI as a contract error.
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            params: { ref: `HTTP ${String(response.status)}` },
          },
        };
      }
    },
  };
}
