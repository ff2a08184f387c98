import { AimOutlined, HolderOutlined } from '@ant-design/icons';
import { Checkbox, Dropdown } from 'antd';
import type { DragEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetSummary } from '../../../src-main/api/types.js';
import { datasetTitle } from '../../i18n/messages.js';
import { KindIcon } from '../../ui/KindIcon.js';
import type { DropSide } from './drop-place.js';
import { StyleButton } from '../style/StyleButton.js';
import { openTable } from '../table/table-store.js';
import { IconButton } from '../../ui/IconButton.js';

export interface TreeRowDrag {
  readonly onDragStart: (event: DragEvent<HTMLDivElement>) => void;
  readonly onDragOver: (event: DragEvent<HTMLDivElement>) => void;
  readonly onDrop: (event: DragEvent<HTMLDivElement>) => void;
  readonly onDragEnd: () => void;
  /** The side a drag now hovering this row would drop on, to draw the insertion line. */
  readonly dropSide: DropSide | null;
}

export interface LayerTreeRowProps {
  readonly dataset: DatasetSummary;
  readonly nested: boolean;
  readonly current: boolean;
  readonly visible: boolean;
  /** The group is switched off: the layer's own switch stays, drawn greyed. */
  readonly groupHidden: boolean;
  readonly opacity: number;
  readonly drag: TreeRowDrag;
  readonly onSelect: () => void;
  readonly onToggle: (visible: boolean) => void;
  readonly onZoom: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/** One layer of the map: drag handle, visibility, kind, name (with its opacity when not opaque), zoom. */
export function LayerTreeRow(props: LayerTreeRowProps) {
  const { t } = useTranslation();
  const { dataset, nested, current, visible, groupHidden, opacity, drag } = props;
  const name = datasetTitle(dataset);
  // Right-click, as in QGIS: the layer's attribute table (vectors).
  const menu = {
    items:
      dataset.kind === 'vector'
        ? [{ key: 'table', label: t('featureTable.open'), 'data-testid': `layer-menu-table-${dataset.id}` }]
        : [],
    onClick: () => {
      openTable(dataset.id);
    },
  };
  return (
    <Dropdown menu={menu} trigger={['contextMenu']} disabled={dataset.kind !== 'vector'}>
      <div
        role="treeitem"
        aria-selected={current}
        aria-level={nested ? 2 : 1}
        tabIndex={0}
        draggable
        className={`tree-row${current ? ' selected' : ''}${nested ? ' nested' : ''}${groupHidden ? ' group-hidden' : ''}${
          drag.dropSide ? ` drop-${drag.dropSide}` : ''
        }`}
        data-testid={`layer-row-${dataset.id}`}
        data-node={dataset.id}
        data-visible={visible}
        data-opacity={opacity}
        onClick={props.onSelect}
        onKeyDown={(event) => {
          if (event.target === event.currentTarget) props.onKeyDown(event);
        }}
        onDragStart={drag.onDragStart}
        onDragOver={drag.onDragOver}
        onDrop={drag.onDrop}
        onDragEnd={drag.onDragEnd}
      >
        <HolderOutlined className="drag-handle" aria-hidden />
        <Checkbox
          checked={visible}
          aria-label={t('layers.visible', { name })}
          data-testid={`layer-visible-${dataset.id}`}
          onClick={(event) => {
            event.stopPropagation();
          }}
          onChange={(event) => {
            props.onToggle(event.target.checked);
          }}
        />
        <KindIcon kind={dataset.kind} />
        <div className="layer-name" title={name}>
          {name}
          {opacity < 1 ? <span className="muted"> · {Math.round(opacity * 100)}%</span> : null}
        </div>
        <StyleButton datasetId={dataset.id} testId={`dataset-style-${dataset.id}`} />
        <IconButton
          label={t('layers.zoomTo')}
          testId={`layer-zoom-${dataset.id}`}
          placement="right"
          type="text"
          icon={<AimOutlined />}
          onClick={(event) => {
            event.stopPropagation();
            props.onZoom();
          }}
        />
      </div>
    </Dropdown>
  );
}
