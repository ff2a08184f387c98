import { SuccessSection } from '../../ui/SuccessSection.js';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetDetail } from '../../../src-main/api/types.js';
import { clearVerification, putExport, putVerification, useAppStore } from '../../state/app-store.js';
import { useActions, useCallable, useReadOnly } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { JobProgress } from '../../ui/JobProgress.js';
import { formatBytes } from '../../ui/format.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { useJob } from '../../ui/use-job.js';
import { isAbsolutePath } from '../../../src-main/api/absolute-path.js';
import { VerifyResultView } from './VerifyResultView.js';

/** 导出: write the BagIt package of a public version for the gateway, then 校验 it as the receiver will. */
export function ExportTab({ detail }: { readonly detail: DatasetDetail }) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useReadOnly();
  const mayExport = useCallable('exchange.export');
  const id = detail.summary.id;
  const exported = useAppStore((s) => s.exports[id]);
  const verified = useAppStore((s) => s.verifications[id]);
  const [outDir, setOutDir] = useState('');
  const [bag, setBag] = useState(exported?.bag ?? '');

  const job = useJob();
  const doExport = useAsyncAction(async (dir: string) => {
    const result = await job.run((jobId) => actions.api['exchange.export']({ id, outDir: dir, jobId }));
    putExport(id, result);
    setBag(result.bag);
    await actions.refreshDataset(id);
    return result;
  });
  const doVerify = useAsyncAction(async (path: string) => {
    clearVerification(id);
    const result = await actions.api['exchange.verify']({ bag: path });
    putVerification(id, result);
    return result;
  });
  const isPublic = detail.summary.sourceId !== null;
  // A relative folder would land in the program's working folder: asked for in full, at the field.
  const dirRelative = outDir.trim() !== '' && !isAbsolutePath(outDir.trim());

  return (
    <div className="tab-body">
      {!isPublic ? (
        <Alert
          type="info"
          showIcon
          title={t('exchange.onlyPublic')}
          className="gap"
          data-testid="export-only-public"
        />
      ) : null}
      <Form
        layout="vertical"
        size="small"
        disabled={readOnly || !mayExport}
        onFinish={() => {
          void doExport.run(outDir.trim());
        }}
      >
        <Form.Item
          label={t('exchange.outDir')}
          required
          validateStatus={dirRelative ? 'error' : ''}
          help={
            dirRelative ? <span data-testid="export-dir-error">{t('exchange.outDirNotAbsolute')}</span> : null
          }
        >
          <Space.Compact block>
            <Input
              data-testid="export-dir"
              value={outDir}
              placeholder={t('exchange.outDirPlaceholder')}
              onChange={(e) => {
                setOutDir(e.target.value);
              }}
            />
            <Button
              type="primary"
              htmlType="submit"
              loading={doExport.busy}
              disabled={outDir.trim() === '' || dirRelative}
              data-testid="export-button"
            >
              {doExport.busy ? t('exchange.exporting') : t('exchange.export')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <div className="result-area" data-testid="export-result-area">
        <JobProgress job={job} />
        <ErrorAlert error={doExport.error} testId="export-error" />
        {exported ? (
          <SuccessSection
            testId="export-result"
            title={t('exchange.result')}
            items={[
              {
                key: 'bag',
                label: t('exchange.bag'),
                children: (
                  <Typography.Text copyable className="mono" data-testid="export-bag">
                    {exported.bag}
                  </Typography.Text>
                ),
              },
              { key: 'files', label: t('exchange.files'), children: exported.files },
              { key: 'bytes', label: t('exchange.bytes'), children: formatBytes(exported.bytes) },
              {
                key: 'key',
                label: t('exchange.key'),
                children: <span className="mono hash">{exported.keyFingerprint}</span>,
              },
            ]}
          />
        ) : null}
      </div>
      <Form
        layout="vertical"
        size="small"
        onFinish={() => {
          void doVerify.run(bag.trim());
        }}
      >
        <Form.Item label={t('exchange.verifyBag')}>
          <Space.Compact block>
            <Input
              data-testid="verify-bag"
              value={bag}
              onChange={(e) => {
                setBag(e.target.value);
              }}
            />
            <Button
              htmlType="submit"
              loading={doVerify.busy}
              disabled={bag.trim() === ''}
              data-testid="verify-button"
            >
              {doVerify.busy ? t('exchange.verifying') : t('exchange.verify')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <div className="result-area" data-testid="verify-result-area">
        <ErrorAlert error={doVerify.error} testId="verify-error" />
        {verified ? <VerifyResultView result={verified} /> : null}
      </div>
    </div>
  );
}
