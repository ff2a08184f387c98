import type { ApiErrorBody, ErrorParams } from '../api/errors.js';

/** With `--json`, exactly one JSON document goes to stdout; errors always go to stderr. */
export interface Output {
  readonly json: boolean;
  result(value: unknown, human: () => string): void;
  error(error: ApiErrorBody): void;
  /** Something the user must know about a result that succeeded (stderr, like errors). */
  notice(notice: { readonly code: string; readonly message: string; readonly params: ErrorParams }): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
    error(error) {
      process.stderr.write(json ? `${JSON.stringify({ error })}\n` : `strata: ${error.message}\n`);
    },
    notice(notice) {
      process.stderr.write(json ? `${JSON.stringify({ notice })}\n` : `strata: ${notice.message}\n`);
    },
  };
}
