import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Input, List, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../src-main/api/types.js';
import { messageText } from '../../i18n/messages.js';
import { usePlatform } from '../../platform/platform-context.js';
import { addImportPaths, select, setImportDraft, setImportOpen, useAppStore } from '../../state/app-store.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { JobProgress } from '../../ui/JobProgress.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { useJob } from '../../ui/use-job.js';

/** The submitted paths of the files whose layers came back as held already. */
const heldPaths = (paths: readonly string[], result: ImportResult): string[] => {
  const held = new Set(result.duplicates.map((d) => d.file));
  return paths.filter((p) => held.has(p.split(/[\\/]/).at(-1) ?? p));
};

const splitPaths = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** 导入数据: paths typed one per line (harness), picked with the native dialog or dropped (Electron). */
export function ImportDialog() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const platform = usePlatform();
  const actions = useActions();
  const open = useAppStore((s) => s.importOpen);
  const draft = useAppStore((s) => s.importDraft);
  const canPick = useAppStore((s) => s.info?.canPickFiles === true);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [submitted, setSubmitted] = useState<readonly string[]>([]);
  const [empty, setEmpty] = useState(false);
  const job = useJob();

  const hide = (): void => {
    setResult(null);
    setEmpty(false);
    setImportOpen(false);
  };
  const doImport = useAsyncAction(async (paths: string[], allowDuplicate: boolean) => {
    setResult(null);
    setSubmitted(paths);
    let imported: ImportResult;
    try {
      imported = await job.run((jobId) => actions.api['datasets.import']({ paths, allowDuplicate, jobId }));
    } catch (error) {
      // A cancelled batch keeps the files imported before the cancel: list them.
      void actions.refreshList().catch(() => undefined);
      void actions.verifyAudit().catch(() => undefined);
      throw error;
    }
    await actions.refreshList();
    void actions.verifyAudit().catch(() => undefined);
    const first = imported.datasets[0];
    if (first) select(first.id);
    // A notice (an index rebuilt, a file held already) must be read, so the dialog stays open for
    // it as for a failure.
    const said = imported.failures.length + imported.notices.length + imported.duplicates.length;
    if (said === 0) {
      void message.success(t('importDialog.done', { count: imported.datasets.length }));
      setImportDraft('');
      hide();
    } else {
      setResult(imported);
    }
    return imported;
  });
  const pick = useAsyncAction(async () => {
    const picked = await actions.api['system.pickFiles']({ lang: useAppStore.getState().lang });
    addImportPaths(picked.paths);
  });

  const close = (): void => {
    hide();
    doImport.clearError();
  };

  const submit = (): void => {
    const paths = splitPaths(draft);
    setEmpty(paths.length === 0);
    if (paths.length > 0) void doImport.run(paths, false);
  };

  return (
    <Modal
      open={open}
      title={t('importDialog.title')}
      width={640}
      mask={{ closable: !doImport.busy }}
      closable={!doImport.busy}
      keyboard={!doImport.busy}
      onCancel={close}
      destroyOnHidden={false}
      data-testid="import-dialog"
      footer={
        <Space>
          {/* While importing, the job's own 取消 (above) is the one that applies. */}
          {doImport.busy ? null : (
            <Button data-testid="import-cancel" onClick={close}>
              {result ? t('common.close') : t('importDialog.cancel')}
            </Button>
          )}
          <Button type="primary" loading={doImport.busy} data-testid="import-submit" onClick={submit}>
            {doImport.busy ? t('importDialog.importing') : t('importDialog.submit')}
          </Button>
        </Space>
      }
    >
      <div className="import-body" data-testid="import-dialog-body">
        <label htmlFor="import-paths" className="field-label">
          {t('importDialog.paths')}
        </label>
        <Input.TextArea
          id="import-paths"
          data-testid="import-paths"
          value={draft}
          autoSize={{ minRows: 6, maxRows: 12 }}
          placeholder={t('importDialog.placeholder')}
          disabled={doImport.busy}
          className="mono"
          spellCheck={false}
          onChange={(e) => {
            setImportDraft(e.target.value);
            setEmpty(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
        />
        <div className="import-tools">
          {canPick ? (
            <Button
              icon={<FolderOpenOutlined />}
              loading={pick.busy}
              disabled={doImport.busy}
              data-testid="import-browse"
              onClick={() => {
                void pick.run();
              }}
            >
              {t('importDialog.browse')}
            </Button>
          ) : null}
          {platform.kind === 'electron' ? <span className="muted">{t('importDialog.dropHint')}</span> : null}
        </div>
        <div className="result-area" data-testid="import-result-area">
          {empty ? <Alert type="warning" showIcon title={t('importDialog.empty')} /> : null}
          <JobProgress job={job} />
          <ErrorAlert error={doImport.error} testId="import-error" />
          <ErrorAlert error={pick.error} testId="import-pick-error" />
          {result ? (
            <div data-testid="import-result">
              <Alert
                type={
                  result.failures.length === 0 ? 'info' : result.datasets.length > 0 ? 'warning' : 'error'
                }
                showIcon
                title={
                  result.failures.length > 0
                    ? t('importDialog.partial', {
                        count: result.datasets.length,
                        failed: result.failures.length,
                      })
                    : t(result.notices.length > 0 ? 'importDialog.noticed' : 'importDialog.held', {
                        count: result.datasets.length,
                      })
                }
              />
              {result.failures.length > 0 ? (
                <List
                  size="small"
                  className="gap"
                  dataSource={[...result.failures]}
                  renderItem={(f) => (
                    <List.Item data-testid="import-failure" data-code={f.code}>
                      {messageText(`error.${f.code}`, { ...f.params, file: f.file })}
                    </List.Item>
                  )}
                />
              ) : null}
              {result.duplicates.length > 0 ? (
                <List
                  size="small"
                  className="gap"
                  dataSource={[...result.duplicates]}
                  footer={
                    <Button
                      size="small"
                      data-testid="import-allow-duplicate"
                      onClick={() => {
                        void doImport.run(heldPaths(submitted, result), true);
                      }}
                    >
                      {t('importDialog.importAnyway')}
                    </Button>
                  }
                  renderItem={(d) => (
                    <List.Item
                      data-testid="import-duplicate"
                      data-code={d.code}
                      data-dataset={d.duplicateOf.id}
                      actions={[
                        <Button
                          key="open"
                          size="small"
                          type="link"
                          data-testid="import-open-existing"
                          onClick={() => {
                            select(d.duplicateOf.id);
                            hide();
                          }}
                        >
                          {t('importDialog.openExisting')}
                        </Button>,
                      ]}
                    >
                      {messageText(`notice.${d.code}`, d.params)}
                    </List.Item>
                  )}
                />
              ) : null}
              {result.notices.length > 0 ? (
                <List
                  size="small"
                  className="gap"
                  dataSource={[...result.notices]}
                  renderItem={(n) => (
                    <List.Item data-testid="import-notice" data-code={n.code}>
                      {messageText(`notice.${n.code}`, { ...n.params, file: n.file })}
                    </List.Item>
                  )}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
