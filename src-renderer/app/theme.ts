import type { ThemeConfig } from 'antd';

/** Dense desktop theme: small radius and type, CJK fonts shipped with the OS first (no web fonts). */
export const THEME: ThemeConfig = {
  token: {
    fontSize: 13,
    borderRadius: 3,
    colorPrimary: '#1f5fa8',
    fontFamily:
      "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif",
  },
  components: {
    Table: { cellPaddingBlockSM: 4, cellPaddingInlineSM: 6 },
    Descriptions: { itemPaddingBottom: 4 },
    Tabs: { horizontalMargin: '0 0 8px 0' },
  },
};
