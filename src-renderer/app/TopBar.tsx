import { ImportOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../src-main/api/messages.js';
import { setImportOpen, useAppStore } from '../state/app-store.js';
import { useReadOnly } from '../state/use-actions.js';
import { AuditBadge } from './AuditBadge.js';

export function TopBar({ onLang }: { readonly onLang: (lang: Lang) => void }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const info = useAppStore((s) => s.info);
  const readOnly = useReadOnly();
  return (
    <header className="top-bar">
      <div className="app-name" data-testid="app-title">
        {t('app.title')}
      </div>
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
      <div className="spacer" />
      <AuditBadge />
      {info ? (
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
