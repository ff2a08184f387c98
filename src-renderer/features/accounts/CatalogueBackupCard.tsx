import { App, Button, Card, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setInfo } from '../../state/app-store.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';

/** 目录库备份与恢复 (administrators): an online backup into a file, or a restore from one (ADR 0185). */
export function CatalogueBackupCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useActions();
  const [file, setFile] = useState('');
  const backup = useAsyncAction(async () => {
    const done = await actions.api['catalogue.backup']({ file: file.trim() });
    void message.success(t('backup.done', { file: done.file }));
  });
  const restore = useAsyncAction(async () => {
    const done = await actions.api['catalogue.restore']({ file: file.trim() });
    void message.success(t('backup.restored', { file: done.file }));
    // A restore can end read-only mode: read the state and the chain again.
    setInfo(await actions.api['system.info']({}));
    await actions.verifyAudit();
  });
  const busy = backup.busy || restore.busy;
  return (
    <Card size="small" title={t('backup.title')} className="catalogue-backup" data-testid="catalogue-backup">
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={file}
          placeholder={t('backup.filePlaceholder')}
          aria-label={t('backup.file')}
          data-testid="backup-file"
          onChange={(e) => {
            setFile(e.target.value);
          }}
        />
        <Button
          disabled={busy || file.trim() === ''}
          data-testid="backup-run"
          onClick={() => {
            void backup.run();
          }}
        >
          {t('backup.backup')}
        </Button>
        <Popconfirm
          title={t('backup.restoreConfirm')}
          okText={t('backup.restore')}
          cancelText={t('accounts.cancel')}
          onConfirm={() => {
            void restore.run();
          }}
        >
          <Button danger disabled={busy || file.trim() === ''} data-testid="restore-run">
            {t('backup.restore')}
          </Button>
        </Popconfirm>
      </Space.Compact>
      <ErrorAlert error={backup.error ?? restore.error} testId="backup-error" />
    </Card>
  );
}
