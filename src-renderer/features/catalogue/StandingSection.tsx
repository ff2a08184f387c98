import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STANDING_ACTIONS,
  nextStanding,
  standingKey,
  type StandingAction,
} from '../../../src-main/api/standing.js';
import type { DatasetDetail } from '../../../src-main/api/types.js';
import { messageText } from '../../i18n/messages.js';
import { useActions, useCallable, useReadOnly } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { formatTime } from '../../ui/format.js';
import { useAsyncAction } from '../../ui/use-async-action.js';

const METHOD = {
  withdraw: 'datasets.withdraw',
  archive: 'datasets.archive',
  restore: 'datasets.restore',
} as const satisfies Record<StandingAction, string>;

/**
 * 撤回 / 归档 / 恢复 (ADR 0171): a withdrawn or archived dataset says so, why, who and when; the
 * form offers the changes its standing allows, each with a required reason.
 */
export function StandingSection({ detail }: { readonly detail: DatasetDetail }) {
  const { t } = useTranslation();
  const actions = useActions();
  const readOnly = useReadOnly();
  const mayChange = useCallable(METHOD[detail.summary.standing === 'active' ? 'withdraw' : 'restore']);
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const id = detail.summary.id;
  const standing = detail.summary.standing;
  const change = detail.standingChange;
  const offered = STANDING_ACTIONS.filter((action) => nextStanding(standing, action) !== null);

  const act = useAsyncAction(async (action: StandingAction) => {
    // An empty reason is a field error, shown at the field; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (values === null) return;
    await actions.api[METHOD[action]]({ id, reason: values.reason });
    form.resetFields();
    setOpen(false);
    await actions.refreshDataset(id);
  });

  return (
    <div className="standing-section" data-testid="standing-section" data-standing={standing}>
      {standing !== 'active' && change ? (
        <Alert
          type="warning"
          showIcon
          data-testid="standing-state"
          title={messageText(standingKey(standing))}
          description={t('standing.changed', {
            reason: change.reason,
            by: change.by,
            at: formatTime(change.at),
          })}
        />
      ) : null}
      {open ? (
        <Form form={form} layout="vertical" size="small" disabled={readOnly || act.busy}>
          <Form.Item
            name="reason"
            label={t('standing.reason')}
            rules={[
              { required: true, whitespace: true, message: t('standing.reasonRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea
              data-testid="standing-reason"
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={2000}
            />
          </Form.Item>
          <Space>
            {offered.map((action) => (
              <Button
                key={action}
                danger={action !== 'restore'}
                loading={act.busy}
                data-testid={`standing-${action}`}
                onClick={() => {
                  void act.run(action);
                }}
              >
                {t(`standing.do.${action}`)}
              </Button>
            ))}
            <Button
              data-testid="standing-cancel"
              onClick={() => {
                form.resetFields();
                act.clearError();
                setOpen(false);
              }}
            >
              {t('standing.cancel')}
            </Button>
          </Space>
        </Form>
      ) : mayChange ? (
        <Button
          size="small"
          disabled={readOnly}
          data-testid="standing-open"
          onClick={() => {
            setOpen(true);
          }}
        >
          {t(standing === 'active' ? 'standing.open' : 'standing.openRestore')}
        </Button>
      ) : null}
      <ErrorAlert error={act.error} testId="standing-error" />
    </div>
  );
}
