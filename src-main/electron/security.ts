import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';

// Schemes the renderer may request. Everything else (http, https, ws, wss, ftp, file, ...) is
// cancelled: the workstation never touches the network, and local files come only via app://.
const LOCAL_SCHEMES = new Set(['devtools:', 'data:', 'blob:']);

/**
 * Whether a request from the UI may proceed: the app origin, DevTools and in-page data, and GETs
 * of http(s) URLs on exactly the origins of the basemap services an administrator configured
 * (ADR 0106). With none configured, no request leaves the machine.
 */
export function isAllowedRequestUrl(
  url: string,
  tileOrigins: readonly string[] = [],
  method = 'GET',
): boolean {
  if (isAppUrl(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  const web = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  return (
    web &&
    method === 'GET' &&
    parsed.username === '' &&
    parsed.password === '' &&
    tileOrigins.includes(parsed.origin)
  );
}

/**
 * Denies every permission and device, cancels every network request but tile requests to the
 * configured basemap origins (read on each request, so a change applies at once), turns off
 * spellcheck downloads.
 */
export function hardenSession(session: Session, tileOrigins: () => readonly string[] = () => []): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, tileOrigins(), details.method) });
  });
}

/**
 * Keeps a web contents on the app origin: no new windows, no navigation or redirect elsewhere
 * (http(s), file, other app hosts), no `<webview>`. Links are never handed to the OS browser.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-frame-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
