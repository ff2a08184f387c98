import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetDetail } from '../../../src-main/api/types.js';
import { useActions, useReadOnly } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { clearFinding, useFindingStore } from './finding-store.js';
import { FindingsTable } from './FindingsTable.js';
import { ReviewSummary } from './ReviewSummary.js';
import { useLocateFinding } from './use-locate-finding.js';
import { VerdictPanel } from './VerdictPanel.js';

/** 保密审查: run the profile on the current content and list what it found. */
export function ReviewTab({ detail }: { readonly detail: DatasetDetail }) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useReadOnly();
  const id = detail.summary.id;
  const review = useAsyncAction(async () => {
    const report = await actions.api['review.run']({ id });
    await actions.refreshDataset(id);
    return report;
  });
  const report = detail.review;
  const locate = useLocateFinding(detail);
  const shown = useFindingStore((s) => s.finding);
  // The outline belongs to this dataset's review: it goes when another dataset is shown.
  useEffect(() => clearFinding, [id, report?.id]);
  return (
    <div className="tab-body">
      <div className="toolbar">
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={review.busy}
          disabled={readOnly}
          data-testid="review-run"
          onClick={() => {
            void review.run();
          }}
        >
          {review.busy ? t('review.running') : t('review.run')}
        </Button>
      </div>
      <div className="result-area" data-testid="review-result">
        <ErrorAlert error={review.error} testId="review-error" />
        <ErrorAlert error={locate.error} testId="locate-error" />
        {report ? (
          <>
            <ReviewSummary report={report} testId="review-summary" />
            <FindingsTable
              findings={report.findings}
              testId="findings-table"
              locating={{
                shown,
                busy: locate.busy,
                onLocate: (n, finding) => {
                  void locate.run(n, finding);
                },
              }}
              deciding={{
                decisions: report.decisions,
                disabled: readOnly || report.verdict !== null,
                onDecide: async (finding, decision, reason) => {
                  await actions.api['review.decide']({ reviewId: report.id, finding, decision, reason });
                  await actions.refreshDataset(id);
                },
              }}
            />
            <VerdictPanel
              key={report.id}
              verdict={report.verdict}
              disabled={readOnly}
              onConclude={async (verdict, comment, password) => {
                const reviewId = report.id;
                if (verdict === 'approve')
                  await actions.api['review.approve']({ reviewId, comment, password });
                else await actions.api['review.return']({ reviewId, comment });
                await actions.refreshDataset(id);
              }}
            />
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.none')} />
        )}
      </div>
    </div>
  );
}
