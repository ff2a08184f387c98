import { Alert, Button, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordFields, RecordVersion } from '../../../src-main/api/types.js';
import { levelText, periodText } from '../../i18n/messages.js';
import { differingFields, firstChoices, mergeFields, type Choice, type RecordField } from './record-merge.js';

/** The user's edit of `base`, refused because `latest` was saved first on top of it. */
export interface EditConflict {
  readonly mine: RecordFields;
  readonly base: RecordFields;
  readonly latest: RecordVersion;
}

function shownValue(field: RecordField, fields: RecordFields, empty: string): string {
  if (field === 'level') return levelText(fields.level);
  const value = field === 'period' ? periodText(fields.level, fields.period) : fields[field];
  return value === '' ? empty : value;
}

/**
 * 保存冲突: field by field, the user's value (我的) beside the latest saved one (最新), keep one of
 * each; the merge is saved on top of the latest version, so a save that lands meanwhile is
 * refused again and shown here again.
 */
export function ConflictView({
  conflict,
  busy,
  onSave,
  onDiscard,
}: {
  readonly conflict: EditConflict;
  readonly busy: boolean;
  readonly onSave: (merged: RecordFields, baseVersion: number) => void;
  readonly onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const { mine, base, latest } = conflict;
  const [choices, setChoices] = useState(() => firstChoices(mine, base));
  const fields = differingFields(mine, latest.fields);
  const empty = t('catalogue.conflict.empty');
  return (
    <div className="conflict-view" data-testid="conflict-view" data-latest={latest.version}>
      <Alert
        type="warning"
        showIcon
        title={t('catalogue.conflict.title', { version: latest.version, author: latest.author })}
        description={t('catalogue.conflict.explain', { next: latest.version + 1 })}
      />
      {fields.map((field) => (
        <div key={field} className="conflict-field" data-testid={`conflict-field-${field}`}>
          <div className="conflict-field-name">{t(`catalogue.${field}`)}</div>
          <Radio.Group
            className="conflict-choices"
            value={choices[field]}
            disabled={busy}
            onChange={(e) => {
              setChoices({ ...choices, [field]: e.target.value as Choice });
            }}
          >
            {(['mine', 'latest'] as const).map((side) => (
              // The test id goes to the radio's input; its label has its own.
              <Radio key={side} value={side} data-testid={`conflict-${field}-${side}`}>
                <span data-testid={`conflict-${field}-${side}-text`}>
                  <span className="conflict-side">
                    {side === 'mine' && mine[field] === base[field]
                      ? t('catalogue.conflict.mineUnchanged')
                      : t(`catalogue.conflict.${side}`)}
                  </span>
                  <span className="conflict-value">
                    {shownValue(field, side === 'mine' ? mine : latest.fields, empty)}
                  </span>
                </span>
              </Radio>
            ))}
          </Radio.Group>
        </div>
      ))}
      <Space>
        <Button
          type="primary"
          loading={busy}
          data-testid="conflict-save"
          onClick={() => {
            onSave(mergeFields(mine, latest.fields, choices), latest.version);
          }}
        >
          {t('catalogue.conflict.save', { next: latest.version + 1 })}
        </Button>
        <Button disabled={busy} data-testid="conflict-discard" onClick={onDiscard}>
          {t('catalogue.conflict.discard')}
        </Button>
      </Space>
    </div>
  );
}
