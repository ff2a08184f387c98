import { Button, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeaturePageResult } from '../../../src-main/api/types.js';
import type { TableQueryArgs } from './use-feature-pages.js';

type Filter = NonNullable<TableQueryArgs['filter']>;
type Op = Filter['op'];

const OPS: readonly Op[] = ['=', '<>', '<', '<=', '>', '>=', 'contains', 'isNull', 'notNull'];
const NEEDS_VALUE = (op: Op): boolean => op !== 'isNull' && op !== 'notNull';

/** The table's filter (one field, an operator, a value) and its search over every field. */
export function TableToolbar(props: {
  readonly fields: FeaturePageResult['fields'];
  readonly onFilter: (filter: Filter | undefined) => void;
  readonly onSearch: (search: string) => void;
}) {
  const { t } = useTranslation();
  const [field, setField] = useState<string | null>(null);
  const [op, setOp] = useState<Op>('=');
  const [value, setValue] = useState('');
  const opLabel = (o: Op): string =>
    o === 'contains'
      ? t('featureTable.opContains')
      : o === 'isNull'
        ? t('featureTable.opIsNull')
        : o === 'notNull'
          ? t('featureTable.opNotNull')
          : o === '<>'
            ? '≠'
            : o === '<='
              ? '≤'
              : o === '>='
                ? '≥'
                : o;
  return (
    <div className="ft-toolbar">
      <Input.Search
        size="small"
        allowClear
        className="ft-search"
        placeholder={t('featureTable.search')}
        aria-label={t('featureTable.search')}
        data-testid="feature-table-search"
        onSearch={props.onSearch}
      />
      <Select<string>
        size="small"
        className="ft-filter-field"
        placeholder={t('featureTable.filterField')}
        aria-label={t('featureTable.filterField')}
        data-testid="feature-table-filter-field"
        value={field}
        options={props.fields.map((f) => ({ value: f.name, label: f.name }))}
        onChange={setField}
      />
      <Select<Op>
        size="small"
        className="ft-filter-op"
        aria-label={t('featureTable.filterOp')}
        data-testid="feature-table-filter-op"
        value={op}
        options={OPS.map((o) => ({ value: o, label: opLabel(o) }))}
        onChange={setOp}
      />
      {NEEDS_VALUE(op) ? (
        <Input
          size="small"
          className="ft-filter-value"
          placeholder={t('featureTable.filterValue')}
          aria-label={t('featureTable.filterValue')}
          data-testid="feature-table-filter-value"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
          }}
        />
      ) : null}
      <Button
        size="small"
        data-testid="feature-table-filter-apply"
        disabled={field === null}
        onClick={() => {
          if (field !== null) props.onFilter({ field, op, ...(NEEDS_VALUE(op) ? { value } : {}) });
        }}
      >
        {t('featureTable.applyFilter')}
      </Button>
      <Button
        size="small"
        type="text"
        data-testid="feature-table-filter-clear"
        onClick={() => {
          setField(null);
          setValue('');
          props.onFilter(undefined);
        }}
      >
        {t('featureTable.clearFilter')}
      </Button>
    </div>
  );
}
