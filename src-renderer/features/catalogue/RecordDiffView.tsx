import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldChange, RecordDiff } from '../../../src-main/api/record-history.js';
import { isMessageKey } from '../../../src-main/api/messages.js';
import { messageText } from '../../i18n/messages.js';

const valueText = (value: FieldChange['before']): string =>
  value === null ? '—' : Array.isArray(value) ? value.join('、') : String(value);

const fieldLabel = (field: string): string => {
  const key = `record.field.${field}`;
  return isMessageKey(key) ? messageText(key) : field;
};

/** Two versions of a record compared field by field (the main process's pure diff). */
export function RecordDiffView({ diff }: { readonly diff: RecordDiff }) {
  const { t } = useTranslation();
  return (
    <div data-testid="record-diff">
      <div className="section-title">
        {t('catalogue.diffTitle', { from: diff.from.version, to: diff.to.version })}
      </div>
      {diff.changes.length === 0 ? (
        <div data-testid="record-diff-none">{t('catalogue.noDifferences')}</div>
      ) : (
        <Table<FieldChange>
          size="small"
          pagination={false}
          rowKey="field"
          dataSource={[...diff.changes]}
          columns={[
            { title: t('catalogue.field'), dataIndex: 'field', width: 96, render: fieldLabel },
            { title: t('catalogue.before'), dataIndex: 'before', render: valueText },
            { title: t('catalogue.after'), dataIndex: 'after', render: valueText },
          ]}
        />
      )}
    </div>
  );
}
