import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleMessages } from '../../../src-main/api/rule-messages.js';
import type { ReviewReport } from '../../../src-main/api/types.js';
import { messageText } from '../../i18n/messages.js';

type Severity = ReviewReport['findings'][number]['severity'];
const SEVERITIES: readonly Severity[] = ['blocking', 'warning', 'info'];

/** A rule's group heading: its name, id and version, how many findings of each severity, and its legal basis. */
export function RuleHeading({
  ruleId,
  version,
  findings,
}: {
  readonly ruleId: string;
  readonly version: number;
  readonly findings: readonly { readonly severity: Severity }[];
}) {
  const { t } = useTranslation();
  const { name, basis } = ruleMessages(ruleId);
  return (
    <header className="rule-heading">
      <div className="rule-title">
        <strong>{name === null ? ruleId : messageText(name)}</strong>
        <span className="muted mono">{`${ruleId} v${String(version)}`}</span>
        {SEVERITIES.map((s) => {
          const count = findings.filter((f) => f.severity === s).length;
          return count === 0 ? null : (
            <Tag key={s} data-count={s}>
              {`${t(`severity.${s}`)} ${String(count)}`}
            </Tag>
          );
        })}
      </div>
      {basis === null ? null : (
        <div className="rule-basis muted" data-testid={`rule-basis-${ruleId}`}>
          {t('review.basis', { basis: messageText(basis) })}
        </div>
      )}
    </header>
  );
}
