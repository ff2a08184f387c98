import { AimOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useTranslation } from 'react-i18next';
import type { FindingDecisionKind } from '../../../src-main/api/decisions.js';
import { LOCATION_SEPARATOR, locationMessages } from '../../../src-main/api/finding-location.js';
import type { ReviewReport } from '../../../src-main/api/types.js';
import { messageText } from '../../i18n/messages.js';
import { DecisionCell } from './DecisionCell.js';
import { isLocatable } from './finding-shapes.js';
import { RuleHeading } from './RuleHeading.js';
import './findings.css';

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

/** What the table needs to show a finding on the map, and which one the map shows. */
export interface Locating {
  readonly shown: number | null;
  readonly busy: boolean;
  readonly onLocate: (finding: number, row: Finding) => void;
}

/** One rule's findings, most severe first; groups follow their most severe finding, then the rule's first. */
function byRule(rows: readonly Row[]): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.ruleId);
    if (group) group.push(row);
    else groups.set(row.ruleId, [row]);
  }
  const rank = (group: readonly Row[]): number => SEVERITY_ORDER[group[0]?.severity ?? 'info'];
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || (a[0]?.n ?? 0) - (b[0]?.n ?? 0));
}

/**
 * Findings of one review grouped by rule, each group headed by the rule's name and legal basis,
 * blocking first, by number; messages are translated from their keys.
 */
export function FindingsTable({
  findings,
  testId,
  deciding,
  locating,
}: {
  readonly findings: readonly Finding[];
  readonly testId: string;
  readonly deciding?: Deciding;
  readonly locating?: Locating;
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
      render: (_v, f) => messageText(f.messageKey, f.params),
    },
    {
      title: t('review.where'),
      key: 'where',
      width: 130,
      render: (_v, f) => (
        <>
          <div>
            {locationMessages(f.where)
              .map((m) => messageText(m.key, m.params))
              .join(LOCATION_SEPARATOR)}
          </div>
          {locating && isLocatable(f.where) ? (
            <Button
              size="small"
              type={locating.shown === f.n ? 'primary' : 'link'}
              ghost={locating.shown === f.n}
              icon={<AimOutlined />}
              disabled={locating.busy}
              data-testid={`locate-${String(f.n)}`}
              data-shown={locating.shown === f.n}
              onClick={() => {
                locating.onLocate(f.n, f);
              }}
            >
              {t('review.showOnMap')}
            </Button>
          ) : null}
        </>
      ),
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
    <div data-testid={testId} className="findings-groups">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noFindings')} />
      ) : (
        byRule(rows).map((group) => {
          const first = group[0];
          if (!first) return null;
          return (
            <section
              key={first.ruleId}
              className="findings-group"
              data-testid={`findings-group-${first.ruleId}`}
            >
              <RuleHeading ruleId={first.ruleId} version={first.ruleVersion} findings={group} />
              <Table<Row> size="small" pagination={false} rowKey="n" dataSource={group} columns={columns} />
            </section>
          );
        })
      )}
    </div>
  );
}
