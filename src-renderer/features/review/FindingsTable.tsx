import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import type { FindingDecisionKind } from '../../../src-main/api/decisions.js';
import type { ReviewReport } from '../../../src-main/api/types.js';
import { LOCATION_SEPARATOR, locationMessages } from '../../../src-main/api/finding-location.js';
import { messageText } from '../../i18n/messages.js';
import { DecisionCell } from './DecisionCell.js';

type Finding = ReviewReport['findings'][number];
/** A finding with its 1-based number in the review (what decisions and the CLI refer to). */
type Row = Finding & { readonly n: number };

const SEVERITY_COLOURS = { blocking: 'red', warning: 'orange', info: 'blue' } as const;
const SEVERITY_ORDER = { blocking: 0, warning: 1, info: 2 } as const;

/** What the reviewer's table needs to take decisions on the findings of the current review. */
export interface Deciding {
  readonly decisions: ReviewReport['decisions'];
  readonly disabled: boolean;
  readonly onDecide: (finding: number, decision: FindingDecisionKind, reason: string) => Promise<void>;
}

/** Findings of one review, blocking first, by number; messages are translated from their keys. */
export function FindingsTable({
  findings,
  testId,
  deciding,
}: {
  readonly findings: readonly Finding[];
  readonly testId: string;
  readonly deciding?: Deciding;
}) {
  const { t } = useTranslation();
  const rows: Row[] = findings
    .map((f, i) => ({ ...f, n: i + 1 }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.n - b.n);
  const columns: ColumnsType<Row> = [
    { title: '#', dataIndex: 'n', width: 36 },
    {
      title: t('review.severity'),
      dataIndex: 'severity',
      width: 64,
      render: (s: Finding['severity']) => (
        <Tag color={SEVERITY_COLOURS[s]} data-severity={s}>
          {t(`severity.${s}`)}
        </Tag>
      ),
    },
    {
      title: t('review.message'),
      key: 'message',
      render: (_v, f) => (
        <>
          <div>{messageText(f.messageKey, f.params)}</div>
          <div className="muted mono">{`${f.ruleId} v${String(f.ruleVersion)}`}</div>
        </>
      ),
    },
    {
      title: t('review.where'),
      key: 'where',
      width: 110,
      render: (_v, f) =>
        locationMessages(f.where)
          .map((m) => messageText(m.key, m.params))
          .join(LOCATION_SEPARATOR),
    },
  ];
  if (deciding) {
    const byNumber = new Map(deciding.decisions.map((d) => [d.finding, d]));
    columns.push({
      title: t('review.decision'),
      key: 'decision',
      width: 150,
      render: (_v, f) => (
        <DecisionCell
          key={`${String(f.n)}|${byNumber.get(f.n)?.at ?? ''}`}
          finding={f.n}
          current={byNumber.get(f.n)}
          disabled={deciding.disabled}
          onDecide={(decision, reason) => deciding.onDecide(f.n, decision, reason)}
        />
      ),
    });
  }
  return (
    <Table<Row>
      data-testid={testId}
      size="small"
      pagination={false}
      rowKey="n"
      dataSource={rows}
      locale={{ emptyText: t('review.noFindings') }}
      columns={columns}
    />
  );
}
