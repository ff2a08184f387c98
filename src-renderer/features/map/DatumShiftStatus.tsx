import { SwapOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { datumShiftsLoaded, setDatumShiftDialog, useDatumShiftStore } from './datum-shift-store.js';

/** The status bar's datum-shift item: a warning while the map crosses national datums unshifted. */
export function DatumShiftStatus() {
  const { t } = useTranslation();
  const unknown = useDatumShiftStore((s) => s.unknown);
  const loaded = useDatumShiftStore((s) => s.loaded);
  const pairs = unknown.map((u) => `${u.from} → ${u.to}`).join('，');
  return (
    <span className="status-item" data-testid="datum-shift-status" data-unknown={unknown.length}>
      {unknown.length > 0 ? (
        <Typography.Text
          type="warning"
          data-testid="datum-shift-unknown"
          title={t('datumShift.unknown', { pairs })}
        >
          <WarningOutlined /> {t('datumShift.unknownShort')}
        </Typography.Text>
      ) : null}
      <Button
        size="small"
        type="text"
        icon={<SwapOutlined />}
        data-testid="datum-shift-open"
        onClick={() => {
          setDatumShiftDialog(true);
        }}
      >
        {loaded ? t('datumShift.loaded', { count: loaded.count }) : t('datumShift.none')}
      </Button>
      <DatumShiftDialog />
    </span>
  );
}

/** 加载基准转换参数: a local file's path (typed, or picked in Electron) read into memory only. */
function DatumShiftDialog() {
  const { t } = useTranslation();
  const actions = useActions();
  const open = useDatumShiftStore((s) => s.dialogOpen);
  const loaded = useDatumShiftStore((s) => s.loaded);
  const canPick = useAppStore((s) => s.info?.canPickFiles === true);
  const [path, setPath] = useState('');
  const load = useAsyncAction(async (file: string) => {
    datumShiftsLoaded(await actions.api['crs.loadDatumShifts']({ path: file }));
  });
  const pick = useAsyncAction(async () => {
    const picked = await actions.api['system.pickFiles']({ lang: useAppStore.getState().lang });
    if (picked.paths[0] !== undefined) setPath(picked.paths[0]);
  });
  const close = (): void => {
    setDatumShiftDialog(false);
    load.clearError();
  };
  return (
    <Modal
      open={open}
      title={t('datumShift.title')}
      onCancel={close}
      footer={[
        <Button key="close" onClick={close}>
          {t('datumShift.close')}
        </Button>,
        <Button
          key="load"
          type="primary"
          loading={load.busy}
          disabled={path.trim() === ''}
          data-testid="datum-shift-load"
          onClick={() => void load.run(path.trim())}
        >
          {t('datumShift.load')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="datum-shift-dialog">
        <Typography.Paragraph type="secondary">{t('datumShift.hint')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={path}
            placeholder={t('datumShift.path')}
            aria-label={t('datumShift.path')}
            data-testid="datum-shift-path"
            onChange={(e) => {
              setPath(e.target.value);
            }}
          />
          {canPick ? <Button onClick={() => void pick.run()}>{t('datumShift.browse')}</Button> : null}
        </Space.Compact>
        <ErrorAlert error={load.error ?? pick.error} testId="datum-shift-error" />
        {loaded ? (
          <List
            size="small"
            header={t('datumShift.pairs')}
            data-testid="datum-shift-pairs"
            dataSource={[...loaded.pairs]}
            renderItem={(p) => (
              <List.Item>
                {t('datumShift.pair', { name: p.name, from: p.from, to: p.to })}
                {p.hasArea ? t('datumShift.area') : ''}
              </List.Item>
            )}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
