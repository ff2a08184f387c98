import { StrataError } from '../api/errors.js';

/** Enter, Ctrl+C, Ctrl+D and the two backspace characters a raw terminal sends. */
const ENTER = new Set(['\r', '\n', '\u0004']);
const INTERRUPT = '\u0003';
const BACKSPACE = new Set(['\u007f', '\b']);

/** Reads a line from the terminal without echoing it; `question` goes to stderr. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    // Code points as typed, so a backspace removes a whole character.
    const typed: string[] = [];
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ENTER.has(ch)) {
          finish();
          resolve(typed.join(''));
          return;
        }
        if (ch === INTERRUPT) {
          finish();
          reject(new StrataError('CANCELLED'));
          return;
        }
        if (BACKSPACE.has(ch)) typed.pop();
        else typed.push(ch);
      }
    };
    input.on('data', onData);
  });
}

/**
 * A password from the environment variable `variable`, else asked for on the terminal (twice when
 * `confirm`, for a new one); without either, INVALID_ARGUMENT naming the variable.
 */
export async function readPassword(
  variable: 'STRATA_PASSWORD' | 'STRATA_NEW_PASSWORD',
  question: string,
  again?: string,
): Promise<string> {
  const given = process.env[variable];
  if (given !== undefined && given !== '') return given;
  if (!process.stdin.isTTY)
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.passwordNeeded', variable });
  const password = await promptHidden(question);
  if (again !== undefined && (await promptHidden(again)) !== password)
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.passwordsDiffer' });
  return password;
}
