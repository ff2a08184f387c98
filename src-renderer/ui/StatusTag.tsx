import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkflowStatus } from '../../src-main/api/types.js';

const COLOURS: Readonly<Record<WorkflowStatus, string>> = {
  draft: 'default',
  reviewed: 'processing',
  'public-version': 'success',
  exported: 'purple',
};

/** Workflow status; on a source dataset 'public-version' reads "public version made", not "is public". */
export function StatusTag({
  status,
  isSource = false,
}: {
  readonly status: WorkflowStatus;
  readonly isSource?: boolean;
}) {
  const { t } = useTranslation();
  const key =
    status === 'public-version' && isSource ? ('status.publicMade' as const) : (`status.${status}` as const);
  return (
    <Tag color={COLOURS[status]} variant="filled" className="status-tag">
      {t(key)}
    </Tag>
  );
}
