import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentTypeFor,
  decodePathSegments,
  resolveStaticPath,
} from '../../../src-main/hosting/static-path.js';

const root = path.resolve('/srv/strata/renderer');

describe('resolveStaticPath', () => {
  it('maps the root to index.html and nested names inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticPath(root, '/assets/%E5%9C%B0%E5%9B%BE.css')).toBe(
      path.join(root, 'assets', '地图.css'),
    );
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/.%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/..%5c..%5cwindows',
    '/..\\..\\windows',
    '/%2fetc%2fpasswd',
    '/C:%5cWindows',
    '/c:',
    '/./index.html',
    '/assets//x.js',
    '/index.html%00.png',
    '/a%0Ab',
    '/CON',
    '/nul.txt',
    '/%ZZ',
  ])('refuses %s', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeNull();
  });
});

describe('decodePathSegments', () => {
  it('decodes each segment once, so %252e stays a literal name', () => {
    expect(decodePathSegments('/a/b%20c')).toEqual(['a', 'b c']);
    expect(decodePathSegments('/%252e%252e')).toEqual(['%2e%2e']);
  });
});

describe('contentTypeFor', () => {
  it('names the types the UI and the map load, case-insensitively', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('dem.TIF')).toBe('image/tiff');
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});
