/** The custom scheme serving the UI and its files; never `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'strata';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** URL path prefix of files the map reads (`app://strata/files/<logicalPath>`). */
export const FILES_PREFIX = '/files/';

/**
 * Whether `url` belongs to the app origin. Compares scheme and host (case-insensitively, as
 * Chromium does for standard schemes), not `URL.origin`: Node's URL reports `"null"` as the
 * origin of schemes it does not know, `app:` among them.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
