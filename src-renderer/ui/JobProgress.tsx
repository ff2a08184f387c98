import { Button, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { progressPercent, progressText } from '../../src-main/api/progress-text.js';
import { messageText } from '../i18n/messages.js';
import type { Job } from './use-job.js';

/** Progress bar and 取消 button of a running job; nothing when no job runs. */
export function JobProgress({ job }: { readonly job: Job }) {
  const { t } = useTranslation();
  if (!job.running) return null;
  const progress = job.progress;
  return (
    <div className="job-progress" role="status">
      <Progress
        data-testid="job-progress"
        className="job-progress-bar"
        percent={progress ? progressPercent(progress) : 0}
        size="small"
        status="active"
      />
      <span className="muted job-progress-text">
        {progress ? progressText(progress, messageText) : t('job.starting')}
      </span>
      <Button size="small" data-testid="job-cancel" loading={job.cancelling} onClick={job.cancel}>
        {job.cancelling ? t('job.cancelling') : t('job.cancel')}
      </Button>
    </div>
  );
}
