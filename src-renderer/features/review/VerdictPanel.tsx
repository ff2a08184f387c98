import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewVerdictKind } from '../../../src-main/api/decisions.js';
import type { ReviewVerdict } from '../../../src-main/api/types.js';
import { messageText } from '../../i18n/messages.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { formatTime } from '../../ui/format.js';
import { useAsyncAction } from '../../ui/use-async-action.js';

export interface VerdictPanelProps {
  readonly verdict: ReviewVerdict | null;
  readonly disabled: boolean;
  /** `password` is the reviewer's own, for signing an approval (ADR 0176); '' for a return. */
  readonly onConclude: (verdict: ReviewVerdictKind, comment: string, password: string) => Promise<void>;
}

/**
 * The verdict on the whole review (ADR 0174): as it stands (who, when, comment), or the reviewer's
 * form to approve it or return it; a return needs a comment, an approval the reviewer's password,
 * which unlocks the key it is signed with (ADR 0176; the service says so too).
 */
export function VerdictPanel({ verdict, disabled, onConclude }: VerdictPanelProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [password, setPassword] = useState('');
  const [noPassword, setNoPassword] = useState(false);
  const [chosen, setChosen] = useState<ReviewVerdictKind>('approve');
  const conclude = useAsyncAction(async (kind: ReviewVerdictKind) => {
    await onConclude(kind, comment, kind === 'approve' ? password : '');
    setPassword('');
  });
  if (verdict) {
    return (
      <Alert
        data-testid="review-verdict"
        data-verdict={verdict.verdict}
        type={verdict.verdict === 'approve' ? 'success' : 'warning'}
        showIcon
        title={messageText(`verdict.${verdict.verdict}`)}
        description={`${t('review.verdictBy', { by: verdict.by, time: formatTime(verdict.at) })}${
          verdict.comment === '' ? '' : ` · ${verdict.comment}`
        }`}
      />
    );
  }
  const run = (kind: ReviewVerdictKind): void => {
    if (kind === 'return' && comment.trim() === '') {
      setMissing(true);
      return;
    }
    if (kind === 'approve' && password === '') {
      setNoPassword(true);
      return;
    }
    setChosen(kind);
    void conclude.run(kind);
  };
  return (
    <Form layout="vertical" className="verdict-form" data-testid="verdict-form">
      <Form.Item
        label={t('review.verdictComment')}
        validateStatus={missing ? 'error' : ''}
        help={missing ? t('review.returnNeedsComment') : null}
      >
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={comment}
          aria-label={t('review.verdictComment')}
          data-testid="verdict-comment"
          onChange={(e) => {
            setComment(e.target.value);
            if (e.target.value.trim() !== '') setMissing(false);
          }}
        />
      </Form.Item>
      <Form.Item
        label={t('review.verdictPassword')}
        validateStatus={noPassword ? 'error' : ''}
        help={noPassword ? t('review.approveNeedsPassword') : null}
      >
        <Input.Password
          autoComplete="current-password"
          maxLength={1024}
          value={password}
          aria-label={t('review.verdictPassword')}
          data-testid="verdict-password"
          onChange={(e) => {
            setPassword(e.target.value);
            if (e.target.value !== '') setNoPassword(false);
          }}
        />
      </Form.Item>
      <ErrorAlert error={conclude.error} testId="verdict-error" />
      <Space>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={disabled}
          loading={conclude.busy && chosen === 'approve'}
          data-testid="review-approve"
          onClick={() => {
            run('approve');
          }}
        >
          {t('review.approve')}
        </Button>
        <Button
          danger
          icon={<RollbackOutlined />}
          disabled={disabled}
          loading={conclude.busy && chosen === 'return'}
          data-testid="review-return"
          onClick={() => {
            run('return');
          }}
        >
          {t('review.return')}
        </Button>
      </Space>
    </Form>
  );
}
