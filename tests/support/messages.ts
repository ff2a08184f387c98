import { renderMessage, type Lang, type MessageKey } from '../../src-main/api/messages.js';
import type { FormatError } from '../../src-main/core/formats/format-error.js';

/** A keyed message (bag problem, verify problem) as a host shows it, English by default. */
export const textOf = (
  message: { readonly key: MessageKey; readonly params: Readonly<Record<string, string | number>> },
  lang: Lang = 'en',
): string => renderMessage(message.key, message.params, lang);

export const textsOf = (
  messages: readonly {
    readonly key: MessageKey;
    readonly params: Readonly<Record<string, string | number>>;
  }[],
  lang: Lang = 'en',
): string[] => messages.map((m) => textOf(m, lang));

/** A FormatError's problem as the user reads it (in the error's parentheses). */
export const problemText = (error: FormatError, lang: Lang = 'en'): string =>
  renderMessage(`problem.${error.problem}`, error.params, lang);
