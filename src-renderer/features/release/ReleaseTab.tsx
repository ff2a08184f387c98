import { SuccessSection } from '../../ui/SuccessSection.js';
import { ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Typography } from 'antd';
import { useState } from 'react';
import { RELEASE_OUTPUTS } from '../../../src-main/api/release-outputs.js';
import { useTranslation } from 'react-i18next';
import type { DatasetDetail } from '../../../src-main/api/types.js';
import { putRelease, select, useAppStore } from '../../state/app-store.js';
import { useActions, useCallable, useReadOnly } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { JobProgress } from '../../ui/JobProgress.js';
import { formatTime } from '../../ui/format.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { useJob } from '../../ui/use-job.js';
import { FindingsTable } from '../review/FindingsTable.js';
import { ReviewSummary } from '../review/ReviewSummary.js';
import { LineageList } from './LineageList.js';
import { ReleasePlanList } from './ReleasePlanList.js';
import { datasetTitle } from '../../i18n/messages.js';

/** What the plan depends on: the review, the decisions on it and its verdict. */
const planRevision = (detail: DatasetDetail): string =>
  [detail.review?.id ?? '', detail.review?.decisions.length ?? 0, detail.review?.verdict?.at ?? ''].join('|');

/** 公开版: produce the public version the review calls for, show its lineage and re-review. */
export function ReleaseTab({ detail }: { readonly detail: DatasetDetail }) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useReadOnly();
  const mayRelease = useCallable('release.create');
  const s = detail.summary;
  const result = useAppStore((st) => st.releases[s.id]);
  const datasets = useAppStore((st) => st.datasets);
  const nameOf = (id: string): string => {
    const d = datasets.find((x) => x.id === id);
    return d ? datasetTitle(d) : id;
  };
  const job = useJob();
  const formats = s.kind === 'vector' ? RELEASE_OUTPUTS.vector : null;
  const [format, setFormat] = useState<(typeof RELEASE_OUTPUTS.vector)[number]>(RELEASE_OUTPUTS.vector[0]);
  const output = formats === null ? undefined : format;
  const release = useAsyncAction(async () => {
    const created = await job.run((jobId) =>
      actions.api['release.create']({ id: s.id, jobId, ...(output === undefined ? {} : { format: output }) }),
    );
    putRelease(s.id, created);
    await actions.refreshDataset(s.id);
    return created;
  });

  const openLink = (id: string, testId: string) => (
    <Button
      type="link"
      size="small"
      icon={<ExportOutlined />}
      data-testid={testId}
      onClick={() => {
        select(id);
      }}
    >
      {nameOf(id)}
    </Button>
  );

  if (s.sourceId !== null) {
    return (
      <div className="tab-body">
        <Alert
          type="info"
          showIcon
          title={t('release.notForPublic')}
          description={openLink(s.sourceId, 'release-source-link')}
        />
        {detail.lineage ? (
          <div className="section">
            <div className="section-title">{t('release.lineage')}</div>
            <LineageList lineage={detail.lineage} testId="release-lineage" />
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div className="tab-body">
      <Typography.Paragraph type="secondary" className="explain">
        {t('release.explain')}
      </Typography.Paragraph>
      {detail.review === null ? (
        <Alert type="warning" showIcon title={t('release.needsReview')} className="gap" />
      ) : (
        <div className="section">
          <div className="section-title">{t('release.plan')}</div>
          <ReleasePlanList id={s.id} revision={planRevision(detail)} format={output} />
        </div>
      )}
      <div className="toolbar">
        {formats === null ? null : (
          <Select
            value={format}
            aria-label={t('release.format')}
            data-testid="release-format"
            options={formats.map((f) => ({ value: f, label: f }))}
            onChange={setFormat}
          />
        )}
        <Button
          type="primary"
          loading={release.busy}
          disabled={readOnly || !mayRelease}
          data-testid="release-button"
          onClick={() => {
            void release.run();
          }}
        >
          {release.busy ? t('release.creating') : t('release.create')}
        </Button>
      </div>
      <div className="result-area" data-testid="release-result-area">
        <JobProgress job={job} />
        <ErrorAlert error={release.error} testId="release-error" />
        {result ? (
          <SuccessSection
            testId="release-result"
            title={t('release.result')}
            items={[
              {
                key: 'id',
                label: t('release.publicId'),
                children: (
                  <span>
                    <Typography.Text copyable className="mono" data-testid="release-public-id">
                      {result.id}
                    </Typography.Text>
                    {openLink(result.id, 'release-open')}
                  </span>
                ),
              },
              { key: 'time', label: t('catalogue.time'), children: formatTime(result.lineage.createdAt) },
              { key: 'author', label: t('catalogue.author'), children: result.lineage.author },
            ]}
          >
            <div className="section-title">{t('release.lineage')}</div>
            <LineageList lineage={result.lineage} testId="release-lineage" />
            <div className="section-title">{t('release.reReview')}</div>
            <ReviewSummary report={result.review} testId="release-review" />
            {result.review.findings.length > 0 ? (
              <FindingsTable findings={result.review.findings} testId="release-findings" />
            ) : null}
          </SuccessSection>
        ) : null}
        {detail.publicVersions.length > 0 ? (
          <div className="section" data-testid="release-existing">
            <div className="section-title">{t('release.existing')}</div>
            {detail.publicVersions.map((id) => (
              <div key={id}>{openLink(id, `release-existing-${id}`)}</div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
