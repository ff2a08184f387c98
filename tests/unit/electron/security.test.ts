import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
} from '../../../src-main/electron/security.js';
import { FakeWebContents, fakeSession, navigationEvent } from './electron-double.js';

function hardenedSession() {
  const session = fakeSession();
  hardenSession(session as unknown as Session);
  return session;
}

function hardenedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

describe('session hardening', () => {
  it('denies every permission request', () => {
    const { state } = hardenedSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      (state.permissionRequest as (...a: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission and device check with false', () => {
    const { state } = hardenedSession();
    expect((state.permissionCheck as (...a: unknown[]) => boolean)(null, 'media', 'app://strata', {})).toBe(
      false,
    );
    expect(
      (state.permissionCheck as (...a: unknown[]) => boolean)(null, 'fullscreen', 'app://strata', {}),
    ).toBe(false);
    expect((state.devicePermission as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
  });

  it('turns the spellchecker off so no dictionary is ever downloaded', () => {
    expect(hardenedSession().state.spellChecker).toBe(false);
  });

  it('cancels every network request and lets app://strata, DevTools and in-page data through', () => {
    const { state } = hardenedSession();
    const decide = (url: string): unknown => {
      const callback = vi.fn();
      (state.beforeRequest as (...a: unknown[]) => void)({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    for (const url of [
      'https://tile.openstreetmap.org/1/1/1.png',
      'http://127.0.0.1:8080/',
      'ws://example.com/socket',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://strata:8080/index.html',
      'chrome://gpu',
      'not a url',
    ]) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
    for (const url of [
      'app://strata/index.html',
      'app://strata/files/datasets/ds_0123456789abcdef/display',
      'devtools://devtools/bundled/inspector.html',
      'data:image/png;base64,AA==',
      'blob:app://strata/1234',
    ]) {
      expect(decide(url), url).toEqual({ cancel: false });
    }
  });
});

describe('web contents hardening', () => {
  it('denies every new window', () => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' } as never)).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://strata/index.html' } as never)).toEqual({
      action: 'deny',
    });
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s away from app://strata is prevented',
    (name) => {
      const contents = hardenedContents();
      for (const url of [
        'https://example.com/',
        'http://localhost/',
        'file:///etc/passwd',
        'app://other/index.html',
        'javascript:alert(1)',
      ]) {
        const event = navigationEvent(url);
        contents.emit(name, event, url);
        expect(event.preventDefault, `${name} ${url}`).toHaveBeenCalled();
      }
      const inside = navigationEvent('app://strata/index.html#/datasets');
      contents.emit(name, inside, inside.url);
      expect(inside.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('prevents attaching a <webview>', () => {
    const contents = hardenedContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('isAllowedRequestUrl', () => {
  const origins = ['http://10.0.0.5:8080', 'https://maps.local'];
  it('allows GETs of exactly the configured basemap origins (ADR 0106), nothing else', () => {
    expect(isAllowedRequestUrl('http://10.0.0.5:8080/vec/3/6/2.png', origins)).toBe(true);
    expect(isAllowedRequestUrl('https://maps.local/wmts?TileMatrix=3', origins)).toBe(true);
    expect(isAllowedRequestUrl('https://MAPS.local:443/wmts', origins)).toBe(true);
    for (const url of [
      'http://10.0.0.5/vec/3/6/2.png',
      'http://10.0.0.5:8081/vec/3/6/2.png',
      'https://10.0.0.5:8080/vec/3/6/2.png',
      'http://maps.local/wmts',
      'https://maps.local.evil.com/wmts',
      'https://user:pw@maps.local/wmts',
      'ws://10.0.0.5:8080/',
      'https://tile.openstreetmap.org/1/1/1.png',
    ])
      expect(isAllowedRequestUrl(url, origins), url).toBe(false);
    expect(isAllowedRequestUrl('http://10.0.0.5:8080/vec/3/6/2.png', origins, 'POST')).toBe(false);
    // With nothing configured, nothing on the network is allowed.
    expect(isAllowedRequestUrl('http://10.0.0.5:8080/vec/3/6/2.png')).toBe(false);
  });

  it('reads the configured origins on every request, so a change applies at once', () => {
    const session = fakeSession();
    let configured: string[] = [];
    hardenSession(session as unknown as Session, () => configured);
    const decide = (url: string): unknown => {
      const callback = vi.fn();
      (session.state.beforeRequest as (...a: unknown[]) => void)({ url, method: 'GET' }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('http://10.0.0.5:8080/1/1/1.png')).toEqual({ cancel: true });
    configured = ['http://10.0.0.5:8080'];
    expect(decide('http://10.0.0.5:8080/1/1/1.png')).toEqual({ cancel: false });
    expect(decide('http://10.0.0.6:8080/1/1/1.png')).toEqual({ cancel: true });
  });

  it('refuses lookalike app origins', () => {
    expect(isAllowedRequestUrl('app://strata.evil/x')).toBe(false);
    expect(isAllowedRequestUrl('app://user@strata/x')).toBe(false);
    expect(isAllowedRequestUrl('APP://STRATA/index.html')).toBe(true);
  });
});
