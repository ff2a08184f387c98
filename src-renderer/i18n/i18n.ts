import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messageTemplates, type Lang } from '../../src-main/api/messages.js';
import { MESSAGE_NS } from './messages.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

const STORAGE_KEY = 'strata.lang';

/** The language the user chose last time; Simplified Chinese by default. */
export function initialLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be disabled; the choice then lasts for this session only.
  }
}

/**
 * Initialises i18next synchronously with both bundles (no backend, nothing fetched): the UI's own
 * strings and, in namespace `msg`, the main-process catalogue the host's codes and keys refer to.
 */
export function initI18n(lang: Lang): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: zhCN, [MESSAGE_NS]: messageTemplates('zh-CN') },
      en: { translation: en, [MESSAGE_NS]: messageTemplates('en') },
    },
    lng: lang,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}
