import 'i18next';
import type { UiStrings } from './zh-CN.js';

// Types the renderer's own keys: `t('detail.tabz.review')` does not compile. The main-process
// catalogue (namespace msg) is reached only through messageText, typed by MessageKey.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: UiStrings };
  }
}
