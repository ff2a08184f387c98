import { Alert, List, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleasePlanView } from '../../../src-main/api/types.js';
import type { ReleaseOutput } from '../../../src-main/api/release-outputs.js';
import { showMessage } from '../../i18n/messages.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';

/**
 * 处理方案: what producing the public version will do, asked of the host before it runs (ADR 0186):
 * each step's transform with the findings it answers, or why no public version can be made. It is
 * fetched again whenever the review or its decisions change (`revision`).
 */
export function ReleasePlanList({
  id,
  revision,
  format,
}: {
  readonly id: string;
  readonly revision: string;
  readonly format?: ReleaseOutput | undefined;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const key = `${id}|${revision}|${format ?? ''}`;
  // The answer for one key; a stale one (another dataset, an older review) shows as loading.
  const [answer, setAnswer] = useState<{ key: string; plan?: ReleasePlanView; error?: unknown } | null>(null);

  useEffect(() => {
    let current = true;
    actions.api['release.plan']({ id, ...(format === undefined ? {} : { format }) }).then(
      (plan) => {
        if (current) setAnswer({ key, plan });
      },
      (error: unknown) => {
        if (current) setAnswer({ key, error });
      },
    );
    return () => {
      current = false;
    };
  }, [actions.api, id, format, key]);

  const fresh = answer?.key === key ? answer : null;
  const error = fresh?.error ?? null;
  const plan = fresh?.plan ?? null;

  if (error !== null) return <ErrorAlert error={error} testId="release-plan-error" />;
  if (plan === null) return <Spin size="small" />;
  if (plan.refusal !== null)
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="release-plan-refusal"
        title={t('release.planRefused')}
        description={showMessage({ key: String(plan.refusal['reason']), params: plan.refusal })}
      />
    );
  return (
    <List
      data-testid="release-plan"
      size="small"
      bordered
      dataSource={[...plan.steps]}
      renderItem={(step, index) => (
        <List.Item data-transform={step.transform} title={step.transform}>
          <span className="step-index">{index + 1}.</span>
          <span>
            {showMessage({ key: `lineage.${step.step}`, params: step.params })}
            {step.findings.length > 0 ? (
              <Typography.Text type="secondary">
                {' '}
                · {t('release.planAnswers', { findings: step.findings.join('、') })}
              </Typography.Text>
            ) : null}
            {typeof step.params['fields'] === 'string' ? (
              <Typography.Text type="secondary">
                {' '}
                · {t('release.planFields', { fields: step.params['fields'] })}
              </Typography.Text>
            ) : null}
          </span>
        </List.Item>
      )}
    />
  );
}
