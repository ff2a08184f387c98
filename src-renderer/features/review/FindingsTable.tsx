import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewReport } from '../../../src-main/api/types.js';
import { LOCATION_SEPARATOR, locationMessages } from '../../../src-main/api/finding-location.js';
import { messageText } from '../../i18n/messages.js';

type Finding = ReviewReport['findings'][number];

const SEVERITY_COLOURS = { blocking: 'red', warning: 'orange', info: 'blue' } as const;
const SEVERITY_ORDER = { blocking: 0, warning: 1, info: 2 } as const;

/** Findings of one review, blocking first; messages are translated from their keys. */
export function FindingsTable({
  findings,
  testId,
}: {
  readonly findings: readonly Finding[];
  readonly testId: string;
}) {
  const { t } = useTranslation();
  const rows = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <Table<Finding>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey={(f) => `${f.ruleId}|${JSON.stringify(f.where)}|${f.messageKey}|${JSON.stringify(f.params)}`}
      dataSource={rows}
      locale={{ emptyText: t('review.noFindings') }}
      columns={[
        {
          title: t('review.severity'),
          dataIndex: 'severity',
          width: 80,
          render: (s: Finding['severity']) => (
            <Tag color={SEVERITY_COLOURS[s]} data-severity={s}>
              {t(`severity.${s}`)}
            </Tag>
          ),
        },
        {
          title: t('review.rule'),
          dataIndex: 'ruleId',
          width: 130,
          render: (id: string, f) => <span className="mono">{`${id} v${String(f.ruleVersion)}`}</span>,
        },
        {
          title: t('review.message'),
          key: 'message',
          render: (_v, f) => messageText(f.messageKey, f.params),
        },
        {
          title: t('review.where'),
          key: 'where',
          width: 140,
          render: (_v, f) =>
            locationMessages(f.where)
              .map((m) => messageText(m.key, m.params))
              .join(LOCATION_SEPARATOR),
        },
      ]}
    />
  );
}
