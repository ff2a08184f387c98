import type { ApiErrorBody } from '../api/errors.js';
import { renderMessage, type Lang, type MessageKey, type MessageParams } from '../api/messages.js';
import type { ImportDuplicate, ImportNotice } from '../api/types.js';

/** With `--json`, exactly one JSON document goes to stdout; errors always go to stderr. */
export interface Output {
  readonly json: boolean;
  result(value: unknown, human: () => string): void;
  /** Writes a contract error in the run's `--lang`; with `--json` also its code and params. */
  error(error: ApiErrorBody): void;
  /** A message in the run's `--lang` (findings, verify problems, lineage steps). */
  text(key: MessageKey, params: MessageParams): string;
  /**
   * Something the user must know about a result that succeeded (stderr, like errors): how a file
   * was read, or a layer left out as held already (with `--json` its `duplicateOf`).
   */
  notice(notice: ImportNotice | ImportDuplicate): void;
}

/** The text of a contract error in `lang`. */
export const errorText = (error: ApiErrorBody, lang: Lang): string =>
  renderMessage(`error.${error.code}`, error.params, lang);

export function createOutput(json: boolean, lang: Lang): Output {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
    error(error) {
      const message = errorText(error, lang);
      process.stderr.write(
        json ? `${JSON.stringify({ error: { ...error, message } })}\n` : `strata: ${message}\n`,
      );
    },
    text: (key, params) => renderMessage(key, params, lang),
    notice(notice) {
      const message = renderMessage(`notice.${notice.code}`, { ...notice.params, file: notice.file }, lang);
      process.stderr.write(
        json ? `${JSON.stringify({ notice: { ...notice, message } })}\n` : `strata: ${message}\n`,
      );
    },
  };
}
