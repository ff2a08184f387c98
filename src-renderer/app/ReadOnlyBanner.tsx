import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/app-store.js';

/** The read-only banner: the workstation refuses every change, and why (ADR 0185). */
export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const audit = useAppStore((s) => s.audit);
  const result = audit.state === 'done' && !audit.result.ok ? audit.result : null;
  const broken = result?.versions.brokenAt ?? null;
  const why =
    result?.problem == null
      ? null
      : t(`audit.problem.${result.problem}`, {
          version: broken ? `${broken.datasetId}@${String(broken.version)}` : '?',
        });
  return (
    <Alert
      type="error"
      banner
      role="alert"
      data-testid="readonly-banner"
      data-problem={result?.problem ?? ''}
      title={t('app.readOnly')}
      description={why}
    />
  );
}
