import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetDetail } from '../../../src-main/api/types.js';
import { useActions, useReadOnly } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { FindingsTable } from './FindingsTable.js';
import { ReviewSummary } from './ReviewSummary.js';

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
        {report ? (
          <>
            <ReviewSummary report={report} testId="review-summary" />
            <FindingsTable
              findings={report.findings}
              testId="findings-table"
              deciding={{
                decisions: report.decisions,
                disabled: readOnly,
                onDecide: async (finding, decision, reason) => {
                  await actions.api['review.decide']({ reviewId: report.id, finding, decision, reason });
                  await actions.refreshDataset(id);
                },
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
