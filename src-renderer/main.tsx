import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { initI18n, initialLang } from './i18n/i18n.js';
import { createPlatform } from './platform/platform.js';
import { PlatformContext } from './platform/platform-context.js';
import { setLang } from './state/app-store.js';
import 'ol/ol.css';
import './app/app.css';

const lang = initialLang();
setLang(lang);
initI18n(lang);
document.documentElement.lang = lang;
// Taken once, before anything renders: this also strips ?token= from the address bar.
const platform = createPlatform();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <PlatformContext value={platform}>
      <App />
    </PlatformContext>
  </StrictMode>,
);
