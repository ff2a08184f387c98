import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewReport } from '../../../src-main/api/types.js';
import { profileName } from '../../i18n/messages.js';
import { formatTime } from '../../ui/format.js';

/** Passed / blocked headline of a review, with profile, reviewer and time. */
export function ReviewSummary({
  report,
  testId,
}: {
  readonly report: ReviewReport;
  readonly testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      data-testid={testId}
      data-passed={report.passed}
      type={report.passed ? 'success' : 'error'}
      showIcon
      title={report.passed ? t('review.passed') : t('review.blocked', { count: report.blocking })}
      description={`${t('review.summary', {
        profile: profileName(report.profile),
        version: report.profile.version,
        reviewer: report.reviewer,
        time: formatTime(report.createdAt),
      })} · ${t('review.findingsCount', { count: report.findings.length })}`}
    />
  );
}
