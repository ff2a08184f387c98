/**
 * The Content-Security-Policy every host sends with the UI and its files: scripts only from the
 * app's own origin (no eval, no inline script), no remote anything, no framing, no forms. Images
 * may also come from the origins of basemap services an administrator configured (ADR 0106), and
 * from nowhere else: with none configured the UI reaches no other origin at all.
 */
export function contentSecurityPolicy(tileOrigins: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...tileOrigins].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers on every response a host serves to the UI, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
});
