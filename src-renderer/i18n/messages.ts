import i18next from 'i18next';
import {
  isMessageKey,
  resolveParams,
  type Message,
  type MessageKey,
  type MessageParams,
} from '../../src-main/api/messages.js';
import { levelKey, markingMessage, periodMessage, type SecrecyLevel } from '../../src-main/api/secrecy.js';
import type { DatasetSummary } from '../../src-main/api/types.js';

/** i18next namespace holding the main-process catalogue (src-main/api/messages.ts). */
export const MESSAGE_NS = 'msg';

// Catalogue keys contain dots ("error.CORRUPT_FILE"): they are flat keys, not paths.
const lookup = (key: string, params: MessageParams): string =>
  (i18next.t as unknown as (key: string, options: Record<string, unknown>) => string)(key, {
    ...params,
    ns: MESSAGE_NS,
    keySeparator: false,
    nsSeparator: false,
    defaultValue: key,
  });

/** Renders a catalogue message in the UI's current language through i18next. */
export function messageText(key: MessageKey, params: MessageParams = {}): string {
  return lookup(key, resolveParams(params, messageText));
}

/** A message from the host, shown as its key when this build does not know the key. */
export const showMessage = (message: { readonly key: string; readonly params: MessageParams }): string =>
  isMessageKey(message.key) ? messageText(message.key, message.params) : message.key;

/** 秘密 in Chinese, "Confidential (秘密)" in English: the stored level, displayed. */
export const levelText = (level: SecrecyLevel): string => messageText(levelKey(level));

/** The 保密期限 as displayed ("10 years"); empty for levels without one. */
export function periodText(level: SecrecyLevel, period: string): string {
  const shown = periodMessage(level, period);
  return shown === null ? '' : messageText(shown.key, shown.params);
}

export const markingText = (level: SecrecyLevel, period: string): string => {
  const m: Message = markingMessage(level, period);
  return messageText(m.key, m.params);
};

/** A dataset's title as shown: a public version is marked as one in the UI's language. */
export function datasetTitle(d: Pick<DatasetSummary, 'title' | 'name' | 'sourceId'>): string {
  const title = d.title || d.name;
  return d.sourceId === null ? title : messageText('publicVersion.title', { title });
}

/** The bundled profile's name in the UI's language; a loaded profile keeps its own name. */
export const profileName = (profile: { readonly id: string; readonly name: string }): string => {
  const key = `profile.${profile.id}`;
  return isMessageKey(key) ? messageText(key) : profile.name;
};
