import { ReloadOutlined } from '@ant-design/icons';
import { Checkbox, Empty, Spin } from 'antd';
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addToMap, select, setListAll, useAppStore } from '../../state/app-store.js';
import { EMPTY_TREE, layersOf } from '../../state/layer-tree.js';
import { useActions } from '../../state/use-actions.js';
import { orderDatasets } from '../layers/order-datasets.js';
import { CatalogueRow } from './CatalogueRow.js';
import { IconButton } from '../../ui/IconButton.js';

/**
 * 资料目录: every catalogued dataset, public versions nested under their source. Selecting one
 * opens its record on the right; “add to map” puts it in the layer tree (ADR 0110).
 */
export function CatalogueList() {
  const { t } = useTranslation();
  const actions = useActions();
  const datasets = useAppStore((s) => s.datasets);
  const selectedId = useAppStore((s) => s.selectedId);
  const loading = useAppStore((s) => s.listLoading);
  const listAll = useAppStore((s) => s.listAll);
  const tree = useAppStore((s) => s.tree ?? EMPTY_TREE);
  const rows = useMemo(() => orderDatasets(datasets), [datasets]);
  const onMap = useMemo(() => new Set(layersOf(tree).map((l) => l.layer.id)), [tree]);

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
    <section
      className="panel catalogue-panel"
      aria-label={t('layers.catalogueTitle')}
      data-testid="catalogue-panel"
    >
      <header className="panel-header">
        <span>{t('layers.catalogueTitle')}</span>
        <span className="panel-header-extra">
          <span className="muted">{t('layers.count', { count: datasets.length })}</span>
          <Checkbox
            className="list-all"
            checked={listAll}
            data-testid="list-all"
            onChange={(event) => {
              setListAll(event.target.checked);
              void actions.refreshList().catch(() => undefined);
            }}
          >
            {t('layers.listAll')}
          </Checkbox>
          <IconButton
            label={t('layers.refresh')}
            testId="layers-refresh"
            type="text"
            icon={<ReloadOutlined />}
            onClick={() => {
              void actions.refreshList().catch(() => undefined);
            }}
          />
        </span>
      </header>
      <div
        className="panel-body"
        role="listbox"
        aria-label={t('layers.catalogueTitle')}
        data-testid="layer-list"
        onKeyDown={onKeyDown}
      >
        {loading && rows.length === 0 ? <Spin className="center-spin" /> : null}
        {!loading && rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('layers.catalogueEmpty')} />
        ) : null}
        {rows.map(({ dataset, nested, sourceName }) => (
          <CatalogueRow
            key={dataset.id}
            dataset={dataset}
            nested={nested}
            sourceName={sourceName}
            selected={dataset.id === selectedId}
            onMap={onMap.has(dataset.id)}
            onSelect={() => {
              select(dataset.id);
            }}
            onAdd={() => {
              addToMap([dataset.id]);
            }}
          />
        ))}
      </div>
    </section>
  );
}
