import { Alert, App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US.js';
import zhCN from 'antd/locale/zh_CN.js';
import { useCallback, useEffect, useState } from 'react';
import type { CallContext } from '../../src-main/api/caller.js';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../src-main/api/messages.js';
import { MapView } from '../features/map/MapView.js';
import { ImportDialog } from '../features/import/ImportDialog.js';
import { useFileDrop } from '../features/import/use-file-drop.js';
import { BottomDock } from '../features/table/BottomDock.js';
import { useTableStore } from '../features/table/table-store.js';
import { rememberLang } from '../i18n/i18n.js';
import { errorText } from '../platform/error-text.js';
import { ApiError, isSessionLost, type SessionLost } from '../platform/api-client.js';
import { usePlatform } from '../platform/platform-context.js';
import { LoginScreen } from '../features/accounts/LoginScreen.js';
import { setDropRefused, setLang, useAppStore } from '../state/app-store.js';
import { useActions, useReadOnly } from '../state/use-actions.js';
import { DetailPanel } from './DetailPanel.js';
import { LeftColumn } from './LeftColumn.js';
import { ReadOnlyBanner } from './ReadOnlyBanner.js';
import { TopBar } from './TopBar.js';
import { THEME } from './theme.js';

function Workspace() {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const dragging = useFileDrop();
  const dropRefused = useAppStore((s) => s.dropRefused);
  const tableOpen = useTableStore((s) => s.datasetId !== null);
  return (
    <div className={`workspace${dragging ? ' dragging' : ''}`}>
      {readOnly ? <ReadOnlyBanner /> : null}
      {dropRefused ? (
        <Alert
          type="info"
          banner
          role="alert"
          data-testid="drop-refused"
          title={t(dropRefused)}
          closable={{
            'aria-label': t('layers.dismiss'),
            onClose: () => {
              setDropRefused(null);
            },
          }}
        />
      ) : null}
      <div className="workspace-grid">
        <LeftColumn />
        <main className={`centre${tableOpen ? ' with-table' : ''}`}>
          <MapView />
          <BottomDock />
        </main>
        <DetailPanel />
      </div>
      {dragging ? <div className="drop-overlay">{t('importDialog.dropHere')}</div> : null}
      <ImportDialog />
    </div>
  );
}

/**
 * Root: theme and locale, startup (system.info, audit, list), then the workspace; with accounts,
 * the login screen first, and again whenever a call meets no live session (ADR 0175).
 */
export function App() {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const platform = usePlatform();
  const lang = useAppStore((s) => s.lang);
  const [phase, setPhase] = useState<'loading' | 'ready' | 'login' | { failed: unknown }>('loading');
  const [lost, setLost] = useState<SessionLost | null>(null);

  const start = useCallback(() => {
    actions.start().then(setPhase, (error: unknown) => {
      // The session listener below has sent the user to the login screen already.
      if (!(error instanceof ApiError && isSessionLost(error.code))) setPhase({ failed: error });
    });
  }, [actions]);
  useEffect(start, [start]);
  useEffect(
    () =>
      platform.onSessionLost((code) => {
        setLost(code);
        setPhase('login');
      }),
    [platform],
  );
  const loggedIn = (caller: CallContext): void => {
    // Someone else than the user whose session ended: nothing of theirs may stay on screen.
    const before = useAppStore.getState().info?.user ?? '';
    if (before !== '' && before !== caller.user) {
      window.location.reload();
      return;
    }
    setLost(null);
    setPhase('loading');
    start();
  };
  const retry = (): void => {
    setPhase('loading');
    start();
  };

  const changeLang = (next: Lang): void => {
    setLang(next);
    rememberLang(next);
    document.documentElement.lang = next;
    void i18n.changeLanguage(next);
  };

  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={THEME}
      componentSize="small"
      button={{ autoInsertSpace: false }}
    >
      <AntApp className="app-root">
        <TopBar onLang={changeLang} signedIn={phase === 'ready'} />
        {phase === 'ready' ? (
          <Workspace />
        ) : phase === 'login' ? (
          <LoginScreen lost={lost} onLoggedIn={loggedIn} />
        ) : phase === 'loading' ? (
          <div className="startup">
            <Spin />
            <span className="muted">{t('app.loading')}</span>
          </div>
        ) : (
          <Result
            status="error"
            title={t('app.connectFailed')}
            subTitle={errorText(phase.failed)}
            data-testid="startup-error"
            extra={
              <Button type="primary" onClick={retry}>
                {t('app.retry')}
              </Button>
            }
          />
        )}
      </AntApp>
    </ConfigProvider>
  );
}
