import { FormatError } from '../../src-main/core/formats/format-error.js';

/** The FormatError `fn` throws; anything else (or nothing) fails the test. */
export function formatErrorOf(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FormatError) return err;
    throw err;
  }
  throw new Error('expected a FormatError');
}
