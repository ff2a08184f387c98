import { describe, expect, it } from 'vitest';
import { internalErrorReport } from '../../../src-main/hosting/internal-error.js';

describe('internal error reports', () => {
  it('name the method, the reference and the code path, but never the message (it may quote data)', () => {
    const error = new TypeError('cannot read 储量 = 1520.5 at 108.123456, 22.654321');
    const report = internalErrorReport('release.create', error, 'E42');
    expect(report).toMatch(/^\[strata\] internal error E42 in release\.create: TypeError\n\s+at /);
    expect(report).not.toContain('储量');
    expect(report).not.toContain('108.123456');
  });

  it('copes with thrown non-errors', () => {
    expect(internalErrorReport('audit.verify', 'secret text', 'E1')).toBe(
      '[strata] internal error E1 in audit.verify: string',
    );
  });
});
