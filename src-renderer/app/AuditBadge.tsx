import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store.js';
import { useActions } from '../state/use-actions.js';

/** Hash-chain status of the audit log (audit.verify); click to verify again. */
export function AuditBadge() {
  const { t } = useTranslation();
  const actions = useActions();
  const audit = useAppStore((s) => s.audit);
  let status: 'success' | 'error' | 'processing' | 'default' = 'default';
  let text = t('audit.unknown');
  if (audit.state === 'checking') {
    status = 'processing';
    text = t('audit.checking');
  } else if (audit.state === 'done') {
    status = audit.result.ok ? 'success' : 'error';
    text = audit.result.ok
      ? t('audit.ok', { entries: audit.result.entries })
      : t('audit.broken', { seq: audit.result.brokenAt ?? '?' });
  }
  return (
    <Tooltip title={t('audit.recheck')}>
      <Button
        type="text"
        size="small"
        className="audit-badge"
        data-testid="audit-status"
        data-state={audit.state === 'done' ? (audit.result.ok ? 'ok' : 'broken') : audit.state}
        onClick={() => {
          void actions.verifyAudit().catch(() => undefined);
        }}
      >
        <Badge status={status} text={text} />
      </Button>
    </Tooltip>
  );
}
