import { Button, Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setFeature, useAppStore } from '../../state/app-store.js';
import { attributeText } from '../../ui/format.js';

interface Row {
  readonly key: string;
  readonly field: string;
  readonly value: string;
}

/**
 * The identify panel: the fields of the feature last clicked on the map, one row per field.
 * `switcher` (the dock's view switch while an attribute table is open) goes in its header.
 */
export function AttributePanel({ switcher }: { readonly switcher?: ReactNode }) {
  const { t } = useTranslation();
  const feature = useAppStore((s) => s.feature);
  const rows: Row[] = (feature?.properties ?? []).map(([field, value]) => ({
    key: field,
    field,
    value: attributeText(value),
  }));
  return (
    <section
      className="panel attribute-panel"
      aria-label={t('attributes.title')}
      data-testid="attribute-panel"
    >
      <header className="panel-header">
        <span>
          {switcher ?? t('attributes.title')}
          {feature ? (
            <span className="muted">
              {' '}
              · {t('attributes.layer')}：{feature.layerName}
            </span>
          ) : null}
        </span>
        {feature ? (
          <Button
            size="small"
            type="text"
            data-testid="attribute-clear"
            onClick={() => {
              setFeature(null);
            }}
          >
            {t('attributes.clear')}
          </Button>
        ) : null}
      </header>
      <div className="panel-body">
        {feature ? (
          <Table<Row>
            data-testid="attribute-table"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t('attributes.field'), dataIndex: 'field', width: 180, ellipsis: true },
              { title: t('attributes.value'), dataIndex: 'value', ellipsis: true },
            ]}
          />
        ) : (
          <div className="muted hint">{t('attributes.hint')}</div>
        )}
      </div>
    </section>
  );
}
