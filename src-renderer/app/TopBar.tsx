import { ImportOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../src-main/api/messages.js';
import { setImportOpen, useAppStore } from '../state/app-store.js';
import { useCallable, useReadOnly } from '../state/use-actions.js';
import { SessionMenu } from '../features/accounts/SessionMenu.js';
import { AuditBadge } from './AuditBadge.js';

/**
 * The app's name, 导入数据 for those who may import, the audit badge, who is working (with
 * accounts: their roles and account menu) and the language switch. Before a login only the name
 * and the language.
 */
export function TopBar({
  onLang,
  signedIn,
}: {
  readonly onLang: (lang: Lang) => void;
  readonly signedIn: boolean;
}) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const info = useAppStore((s) => s.info);
  const readOnly = useReadOnly();
  const mayImport = useCallable('datasets.import');
  return (
    <header className="top-bar">
      <div className="app-name" data-testid="app-title">
        {t('app.title')}
      </div>
      {signedIn && mayImport ? (
        <Button
          type="primary"
          icon={<ImportOutlined />}
          disabled={readOnly}
          data-testid="import-button"
          onClick={() => {
            setImportOpen(true);
          }}
        >
          {t('app.import')}
        </Button>
      ) : null}
      <div className="spacer" />
      {signedIn ? <AuditBadge /> : null}
      {info && signedIn && info.accountsEnabled ? <SessionMenu info={info} /> : null}
      {info && !info.accountsEnabled ? (
        <span className="muted user" data-testid="user-name">
          {info.user} · v{info.version}
        </span>
      ) : null}
      <Segmented<Lang>
        size="small"
        aria-label={t('app.language')}
        data-testid="lang-switch"
        value={lang}
        onChange={onLang}
        options={[
          { value: 'zh-CN', label: '中文' },
          { value: 'en', label: 'English' },
        ]}
      />
    </header>
  );
}
