import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { setFeature, useAppStore } from '../../state/app-store.js';

interface Row {
  readonly key: string;
  readonly field: string;
  readonly value: string;
}

const show = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

/** Attribute table of the clicked feature: one row per field. */
export function AttributePanel() {
  const { t } = useTranslation();
  const feature = useAppStore((s) => s.feature);
  const rows: Row[] = (feature?.properties ?? []).map(([field, value]) => ({
    key: field,
    field,
    value: show(value),
  }));
  return (
    <section
      className="panel attribute-panel"
      aria-label={t('attributes.title')}
      data-testid="attribute-panel"
    >
      <header className="panel-header">
        <span>
          {t('attributes.title')}
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
