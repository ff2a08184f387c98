import { Button, Input, Popover, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_DECISIONS, type FindingDecisionKind } from '../../../src-main/api/decisions.js';
import type { FindingDecision } from '../../../src-main/api/types.js';
import { messageText } from '../../i18n/messages.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';

const COLOURS = { 'must-fix': 'red', accept: 'gold', 'false-positive': 'default' } as const;

export interface DecisionCellProps {
  /** 1-based number of the finding in its review. */
  readonly finding: number;
  readonly current: FindingDecision | undefined;
  readonly disabled: boolean;
  readonly onDecide: (decision: FindingDecisionKind, reason: string) => Promise<void>;
}

/**
 * A finding's decision as it stands (tag and reason) and the reviewer's form to change it: must
 * be fixed, accepted, or a false positive; the last two need a reason (the service says so too).
 */
export function DecisionCell({ finding, current, disabled, onDecide }: DecisionCellProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<FindingDecisionKind>(current?.decision ?? 'must-fix');
  const [reason, setReason] = useState(current?.reason ?? '');
  const save = useAsyncAction(async () => {
    await onDecide(choice, reason);
    setOpen(false);
  });
  const needsReason = choice !== 'must-fix' && reason.trim() === '';
  const form = (
    <Space orientation="vertical" className="decision-form" data-testid={`decision-form-${String(finding)}`}>
      <Radio.Group
        value={choice}
        onChange={(e) => {
          setChoice(e.target.value as FindingDecisionKind);
        }}
      >
        {FINDING_DECISIONS.map((d) => (
          <Radio key={d} value={d} data-testid={`decision-choice-${d}`}>
            {messageText(`decision.${d}`)}
          </Radio>
        ))}
      </Radio.Group>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={reason}
        placeholder={t('review.decisionReason')}
        aria-label={t('review.decisionReason')}
        data-testid="decision-reason"
        onChange={(e) => {
          setReason(e.target.value);
        }}
      />
      <ErrorAlert error={save.error} testId="decision-error" />
      <Button
        type="primary"
        size="small"
        loading={save.busy}
        disabled={needsReason}
        data-testid="decision-save"
        onClick={() => {
          void save.run();
        }}
      >
        {t('review.decisionSave')}
      </Button>
    </Space>
  );
  return (
    <Space orientation="vertical" size={2}>
      {current ? (
        <span data-testid={`decision-${String(finding)}`} data-decision={current.decision}>
          <Tag color={COLOURS[current.decision]}>{messageText(`decision.${current.decision}`)}</Tag>
          {current.reason === '' ? null : <span className="muted">{current.reason}</span>}
        </span>
      ) : null}
      <Popover content={form} trigger="click" open={open} onOpenChange={setOpen} title={t('review.decide')}>
        <Button size="small" type="link" disabled={disabled} data-testid={`decide-${String(finding)}`}>
          {current ? t('review.changeDecision') : t('review.decide')}
        </Button>
      </Popover>
    </Space>
  );
}
