/** Why a service URL is refused, as a `detail.*` message key. */
export type UrlProblem = 'basemapUrlScheme' | 'basemapUrlCredentials' | 'basemapUrlHost' | 'basemapUrlChars';

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443' };
// scheme :// authority, then a path, query or nothing. No fragment: a tile URL has no use for one.
const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([/?][^#]*)?$/;
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/;
// Printable ASCII only (a template's braces included); anything else must be percent-encoded.
const PRINTABLE = /^[\x21-\x7e]*$/;

/**
 * The origin (`scheme://host[:port]`, lower case, default port dropped) of an http(s) URL or URL
 * template, or the reason it is refused: another scheme, user name or password in the URL, a host
 * that is not a plain name or IP literal (a template placeholder there included: the origin must
 * be known before any tile is asked for), or characters that are not printable ASCII.
 */
export function httpOrigin(url: string): string | { readonly problem: UrlProblem } {
  if (!PRINTABLE.test(url)) return { problem: 'basemapUrlChars' };
  const match = URL_SHAPE.exec(url);
  if (!match) return { problem: 'basemapUrlScheme' };
  const scheme = (match[1] ?? '').toLowerCase();
  const authority = match[2] ?? '';
  if (scheme !== 'http' && scheme !== 'https') return { problem: 'basemapUrlScheme' };
  if (authority.includes('@')) return { problem: 'basemapUrlCredentials' };
  const portAt = authority.lastIndexOf(':');
  const hasPort = portAt > authority.lastIndexOf(']');
  const host = (hasPort ? authority.slice(0, portAt) : authority).toLowerCase();
  const port = hasPort ? authority.slice(portAt + 1) : '';
  if (!HOST_NAME.test(host) && !IPV6.test(host)) return { problem: 'basemapUrlHost' };
  if (hasPort && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535))
    return { problem: 'basemapUrlHost' };
  const shownPort =
    hasPort && String(Number(port)) !== DEFAULT_PORTS[scheme] ? `:${String(Number(port))}` : '';
  return `${scheme}://${host}${shownPort}`;
}
