import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { currentUser, resourcesBeside } from '../../../src-main/hosting/environment.js';
import { ROOT } from '../../support/samples.js';

describe('host environment', () => {
  it('finds resources/ beside dist/ for a bundle in dist/<part>/', () => {
    const bundle = pathToFileURL(path.join(ROOT, 'dist', 'main', 'harness.mjs')).href;
    expect(resourcesBeside(bundle)).toBe(path.join(ROOT, 'resources'));
    expect(existsSync(path.join(resourcesBeside(bundle), 'crs', 'epsg.json'))).toBe(true);
  });

  it('names the local user, STRATA_USER first', () => {
    expect(currentUser({ STRATA_USER: 'zhang.san' })).toBe('zhang.san');
    expect(currentUser({})).not.toBe('');
  });
});
