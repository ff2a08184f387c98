import i18next from 'i18next';
import { messageText } from '../i18n/messages.js';
import { ApiError } from './api-client.js';

/**
 * The user-facing text of a failed call, in the current UI language: contract errors are
 * rendered from code + params (so switching language re-renders them); anything else is a
 * transport failure and says so without leaking internals.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return messageText(`error.${error.code}`, error.params);
  const detail = error instanceof Error ? error.message : String(error);
  return i18next.t('app.unreachable', { detail });
}
