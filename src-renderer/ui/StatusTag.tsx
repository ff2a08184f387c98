import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkflowStatus } from '../../src-main/api/types.js';

const COLOURS: Readonly<Record<WorkflowStatus, string>> = {
  draft: 'default',
  reviewed: 'processing',
  'public-version': 'success',
  exported: 'purple',
};

export function StatusTag({ status }: { readonly status: WorkflowStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} variant="filled" className="status-tag">
      {t(`status.${status}`)}
    </Tag>
  );
}
