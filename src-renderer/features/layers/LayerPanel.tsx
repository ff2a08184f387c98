import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Spin, Tooltip } from 'antd';
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requestZoom, select, toggleVisible, useAppStore } from '../../state/app-store.js';
import { useActions } from '../../state/use-actions.js';
import { LayerRow } from './LayerRow.js';
import { orderDatasets } from './order-datasets.js';

/** Left panel: every catalogued dataset, public versions nested under their source. */
export function LayerPanel() {
  const { t } = useTranslation();
  const actions = useActions();
  const datasets = useAppStore((s) => s.datasets);
  const hidden = useAppStore((s) => s.hidden);
  const selectedId = useAppStore((s) => s.selectedId);
  const loading = useAppStore((s) => s.listLoading);
  const rows = useMemo(() => orderDatasets(datasets), [datasets]);

  // Arrow keys move the selection like a list box; Tab still leaves the list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const focused = document.activeElement?.getAttribute('data-testid')?.replace(/^dataset-row-/, '');
    const from = focused ?? selectedId;
    const index = rows.findIndex((r) => r.dataset.id === from);
    const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    select(next.dataset.id);
    document.querySelector<HTMLElement>(`[data-testid="dataset-row-${next.dataset.id}"]`)?.focus();
  };

  return (
    <section className="panel layer-panel" aria-label={t('layers.title')}>
      <header className="panel-header">
        <span>{t('layers.title')}</span>
        <span className="panel-header-extra">
          <span className="muted">{t('layers.count', { count: datasets.length })}</span>
          <Tooltip title={t('layers.refresh')}>
            <Button
              type="text"
              size="small"
              icon={<ReloadOutlined />}
              aria-label={t('layers.refresh')}
              data-testid="layers-refresh"
              onClick={() => {
                void actions.refreshList().catch(() => undefined);
              }}
            />
          </Tooltip>
        </span>
      </header>
      <div
        className="panel-body"
        role="listbox"
        aria-label={t('layers.title')}
        data-testid="layer-list"
        onKeyDown={onKeyDown}
      >
        {loading && rows.length === 0 ? <Spin className="center-spin" /> : null}
        {!loading && rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('layers.empty')} />
        ) : null}
        {rows.map(({ dataset, nested, sourceName }) => (
          <LayerRow
            key={dataset.id}
            dataset={dataset}
            nested={nested}
            sourceName={sourceName}
            selected={dataset.id === selectedId}
            visible={!hidden[dataset.id]}
            onSelect={() => {
              select(dataset.id);
            }}
            onToggle={(visible) => {
              toggleVisible(dataset.id, visible);
            }}
            onZoom={() => {
              requestZoom(dataset.id);
            }}
          />
        ))}
      </div>
    </section>
  );
}
