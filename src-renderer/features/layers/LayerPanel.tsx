import { FolderAddOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetSummary } from '../../../src-main/api/types.js';
import {
  addGroup,
  moveLayerStep,
  moveLayerTo,
  requestZoom,
  select,
  toggleGroupVisible,
  toggleVisible,
  useAppStore,
} from '../../state/app-store.js';
import { EMPTY_TREE, layersOf } from '../../state/layer-tree.js';
import { dropPlace, type DropSide } from './drop-place.js';
import { GroupRow } from './GroupRow.js';
import { LayerTools } from './LayerTools.js';
import { LayerTreeRow, type TreeRowDrag } from './LayerTreeRow.js';
import { IconButton } from '../../ui/IconButton.js';

/** The MIME type a dragged tree row carries (not "Files": the window's file drop ignores it). */
const NODE_MIME = 'application/x-strata-layer-node';

/**
 * 图层: the layers on the map (ADR 0110), top row drawn on top; groups one level deep. Rows drag
 * to reorder; Alt+↑/↓ or the buttons below move the current row; ↑/↓ move the focus.
 */
export function LayerPanel() {
  const { t } = useTranslation();
  const tree = useAppStore((s) => s.tree ?? EMPTY_TREE);
  const datasets = useAppStore((s) => s.datasets);
  const selectedId = useAppStore((s) => s.selectedId);
  const [groupChoice, setGroupChoice] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<{ readonly id: string; readonly side: DropSide } | null>(null);
  const byId = useMemo(() => new Map<string, DatasetSummary>(datasets.map((d) => [d.id, d])), [datasets]);
  const onMap = useMemo(() => new Set(layersOf(tree).map((l) => l.layer.id)), [tree]);
  const groupIds = new Set(tree.nodes.filter((n) => n.kind === 'group').map((n) => n.id));
  const current =
    groupChoice !== null && groupIds.has(groupChoice)
      ? groupChoice
      : selectedId !== null && onMap.has(selectedId)
        ? selectedId
        : null;

  const focusRow = (id: string): void => {
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(`.layer-tree [data-node="${CSS.escape(id)}"]`)?.focus();
    });
  };
  const rowKeys =
    (id: string) =>
    (event: KeyboardEvent<HTMLDivElement>): void => {
      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
      event.preventDefault();
      const step = event.key === 'ArrowUp' ? -1 : 1;
      if (event.altKey) {
        moveLayerStep(id, step);
        focusRow(id);
        return;
      }
      const rows = Array.from(document.querySelectorAll<HTMLElement>('.layer-tree [data-node]'));
      const index = rows.findIndex((r) => r.dataset['node'] === id);
      rows[Math.max(0, Math.min(rows.length - 1, index + step))]?.focus();
    };

  const dragOf = (id: string): TreeRowDrag => ({
    dropSide: over?.id === id && dragging !== null && dragging !== id ? over.side : null,
    onDragStart: (event: DragEvent<HTMLDivElement>) => {
      event.dataTransfer.setData(NODE_MIME, id);
      event.dataTransfer.effectAllowed = 'move';
      setDragging(id);
    },
    onDragOver: (event: DragEvent<HTMLDivElement>) => {
      if (!event.dataTransfer.types.includes(NODE_MIME)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const box = event.currentTarget.getBoundingClientRect();
      const side: DropSide = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
      if (over?.id !== id || over.side !== side) setOver({ id, side });
    },
    onDrop: (event: DragEvent<HTMLDivElement>) => {
      const dragged = event.dataTransfer.getData(NODE_MIME);
      if (!dragged) return;
      event.preventDefault();
      const box = event.currentTarget.getBoundingClientRect();
      const side: DropSide = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
      const place = dropPlace(tree, dragged, id, side);
      if (place) moveLayerTo(dragged, place);
      setOver(null);
      setDragging(null);
    },
    onDragEnd: () => {
      setOver(null);
      setDragging(null);
    },
  });

  const layerRow = (id: string, nested: boolean, visible: boolean, opacity: number, groupHidden: boolean) => {
    const dataset = byId.get(id);
    if (!dataset) return null;
    return (
      <LayerTreeRow
        key={id}
        dataset={dataset}
        nested={nested}
        current={current === id}
        visible={visible}
        groupHidden={groupHidden}
        opacity={opacity}
        drag={dragOf(id)}
        onSelect={() => {
          setGroupChoice(null);
          select(id, false);
        }}
        onToggle={(next) => {
          toggleVisible(id, next);
        }}
        onZoom={() => {
          requestZoom(id);
        }}
        onKeyDown={rowKeys(id)}
      />
    );
  };

  return (
    <section className="panel layer-panel" aria-label={t('layers.title')} data-testid="layer-panel">
      <header className="panel-header">
        <span>{t('layers.title')}</span>
        <span className="panel-header-extra">
          <span className="muted" data-testid="layer-count">
            {t('layers.count', { count: onMap.size })}
          </span>
          <IconButton
            label={t('layers.newGroup')}
            testId="group-create"
            type="text"
            icon={<FolderAddOutlined />}
            onClick={() => {
              const n = tree.nodes.filter((node) => node.kind === 'group').length + 1;
              const layer = current !== null && onMap.has(current) ? current : null;
              const id = addGroup(t('layers.groupName', { n }), layer);
              setGroupChoice(id);
            }}
          />
        </span>
      </header>
      <div
        className="panel-body layer-tree"
        role="tree"
        aria-label={t('layers.title')}
        data-testid="layer-tree"
      >
        {tree.nodes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('layers.empty')} />
        ) : null}
        {tree.nodes.map((node) =>
          node.kind === 'layer' ? (
            layerRow(node.id, false, node.visible, node.opacity, false)
          ) : (
            <div key={node.id} className="tree-group">
              <GroupRow
                group={node}
                current={current === node.id}
                drag={dragOf(node.id)}
                onSelect={() => {
                  setGroupChoice(node.id);
                }}
                onToggle={(next) => {
                  toggleGroupVisible(node.id, next);
                }}
                onKeyDown={rowKeys(node.id)}
              />
              {node.layers.map((l) => layerRow(l.id, true, l.visible, l.opacity, !node.visible))}
            </div>
          ),
        )}
      </div>
      <LayerTools tree={tree} current={current} />
    </section>
  );
}
