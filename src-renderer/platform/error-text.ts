import { translate, type Lang } from '../../src-main/api/messages.js';
import { ApiError } from './api-client.js';

/**
 * The user-facing text of a failed call, in the current UI language: contract errors are
 * re-translated from code + params (so switching language re-renders them); anything else is a
 * transport failure and says so without leaking internals.
 */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    const text = translate(key, error.params, lang);
    return text === key ? error.message : text;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return lang === 'en'
    ? `Cannot reach the workstation service (${detail})`
    : `无法连接到工作站服务（${detail}）`;
}

/** Translates a message key when messages.ts knows it, else shows `fallback` (or the key). */
export function translateKnown(
  key: string,
  params: Readonly<Record<string, string | number>>,
  lang: Lang,
  fallback?: string,
): string {
  const text = translate(key, params, lang);
  return text === key ? (fallback ?? key) : text;
}
