import { StrataError } from '../../src-main/api/errors.js';

/** The value or the StrataError (code and params) a call ends with, comparable with toEqual. */
export async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await run() };
  } catch (err) {
    if (!(err instanceof StrataError)) throw err;
    return { code: err.code, params: err.params };
  }
}
