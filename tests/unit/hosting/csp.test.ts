import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../src-main/hosting/csp.js';

const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

describe('contentSecurityPolicy', () => {
  it('with no basemap service configured, allows nothing beyond the app itself', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('allows images from exactly the configured origins, and nothing else from them (ADR 0106)', () => {
    const csp = directives(contentSecurityPolicy(['http://10.0.0.5:8080', 'https://maps.local']));
    expect(csp.get('img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'http://10.0.0.5:8080',
      'https://maps.local',
    ]);
    for (const [name, values] of csp) if (name !== 'img-src') expect(values.join(' ')).not.toMatch(/https?:/);
  });
});
