import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../src-main/electron/window-options.js';
import { menuTemplate } from '../../../src-main/electron/menu.js';

describe('main window options', () => {
  const options = windowOptions({ preloadPath: '/opt/strata/dist/preload/preload.cjs', devTools: false });

  it('isolates the page: sandbox, context isolation, no Node in page, workers or frames', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on, refuses insecure content, web views and spellcheck downloads', () => {
    expect(options.webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads the built CommonJS preload and is titled Strata', () => {
    expect(options.webPreferences?.preload).toBe('/opt/strata/dist/preload/preload.cjs');
    expect(options.title).toBe('Strata');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('offers DevTools only when asked (development)', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    expect(windowOptions({ preloadPath: '/p.cjs', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('application menu', () => {
  const roles = (devTools: boolean): unknown[] =>
    menuTemplate({ devTools }).flatMap((item) =>
      Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.role) : [],
    );

  it('has no DevTools or reload entry in packaged builds', () => {
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('labels the top menus in Chinese', () => {
    expect(menuTemplate({ devTools: false }).map((item) => item.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '帮助',
    ]);
  });
});
