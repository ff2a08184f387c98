import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetDetail } from '../../../src-main/api/types.js';
import { useActions, useCallable, useReadOnly } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { CrsPicker } from './CrsPicker.js';

/**
 * 指定坐标系: for an original draft dataset whose file has no CRS, pick one with the CrsPicker and
 * record it (`dataset.assignCrs`, audited). Renders nothing for datasets that have a CRS.
 */
export function AssignCrs({ detail }: { readonly detail: DatasetDetail }) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useReadOnly();
  const mayAssign = useCallable('dataset.assignCrs');
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const s = detail.summary;
  const assign = useAsyncAction(async (chosen: string) => {
    await actions.api['dataset.assignCrs']({ id: s.id, code: chosen });
    await actions.refreshDataset(s.id);
    setOpen(false);
  });
  if (s.crs !== null || s.sourceId !== null || s.status !== 'draft' || !mayAssign) return null;
  if (!open) {
    return (
      <Button
        size="small"
        disabled={readOnly}
        data-testid="crs-assign-open"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('crs.assign')}
      </Button>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="crs-assign">
      <CrsPicker value={code} onChange={setCode} testId="crs-assign-picker" disabled={assign.busy} />
      <Space>
        <Button
          type="primary"
          size="small"
          disabled={code === null || readOnly}
          loading={assign.busy}
          data-testid="crs-assign-confirm"
          onClick={() => {
            if (code !== null) void assign.run(code);
          }}
        >
          {t('crs.assignConfirm')}
        </Button>
        <Button
          size="small"
          disabled={assign.busy}
          onClick={() => {
            setOpen(false);
          }}
        >
          {t('crs.cancel')}
        </Button>
      </Space>
      <ErrorAlert error={assign.error} testId="crs-assign-error" />
    </Space>
  );
}
