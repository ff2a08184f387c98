import { FolderOpenOutlined } from '@ant-design/icons';
import { Checkbox } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupNode } from '../../state/layer-tree.js';
import type { TreeRowDrag } from './LayerTreeRow.js';

export interface GroupRowProps {
  readonly group: GroupNode;
  readonly current: boolean;
  readonly drag: TreeRowDrag;
  readonly onSelect: () => void;
  readonly onToggle: (visible: boolean) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/** A group of layers: one switch for all of them, a drop target for layers. */
export function GroupRow({ group, current, drag, onSelect, onToggle, onKeyDown }: GroupRowProps) {
  const { t } = useTranslation();
  return (
    <div
      role="treeitem"
      aria-selected={current}
      aria-level={1}
      aria-expanded
      tabIndex={0}
      draggable
      className={`tree-row group-row${current ? ' selected' : ''}${drag.dropSide ? ` drop-${drag.dropSide}` : ''}`}
      data-testid={`group-row-${group.id}`}
      data-node={group.id}
      data-visible={group.visible}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget) onKeyDown(event);
      }}
      onDragStart={drag.onDragStart}
      onDragOver={drag.onDragOver}
      onDrop={drag.onDrop}
      onDragEnd={drag.onDragEnd}
    >
      <FolderOpenOutlined className="drag-handle" aria-hidden />
      <Checkbox
        checked={group.visible}
        aria-label={t('layers.groupVisible', { name: group.name })}
        data-testid={`group-visible-${group.id}`}
        onClick={(event) => {
          event.stopPropagation();
        }}
        onChange={(event) => {
          onToggle(event.target.checked);
        }}
      />
      <div className="layer-name group-name" title={group.name}>
        {group.name}
      </div>
      <span className="muted group-count">{t('layers.groupCount', { count: group.layers.length })}</span>
    </div>
  );
}
