import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: a few Chinese-labelled entries with standard roles. The DevTools entry
 * exists only in development builds.
 */
export function menuTemplate(options: { readonly devTools: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (options.devTools) {
    view.push(
      { type: 'separator' },
      { label: '重新加载', role: 'reload' },
      { label: '开发者工具', role: 'toggleDevTools' },
    );
  }
  return [
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于 Strata', role: 'about' }] },
  ];
}
