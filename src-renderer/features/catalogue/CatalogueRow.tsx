import { Tag } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetSummary } from '../../../src-main/api/types.js';
import { KindIcon } from '../../ui/KindIcon.js';
import { LevelTag } from '../../ui/LevelTag.js';
import { StatusTag } from '../../ui/StatusTag.js';
import { datasetTitle, messageText } from '../../i18n/messages.js';
import { standingKey } from '../../../src-main/api/standing.js';
import { AddToMap } from '../../ui/AddToMap.js';

export interface CatalogueRowProps {
  readonly dataset: DatasetSummary;
  readonly sourceName: string | null;
  readonly nested: boolean;
  readonly selected: boolean;
  readonly onMap: boolean;
  readonly onSelect: () => void;
  readonly onAdd: () => void;
}

/** One dataset of the catalogue: kind, name, format, 密级, workflow status, and “add to map”. */
export function CatalogueRow({
  dataset,
  sourceName,
  nested,
  selected,
  onMap,
  onSelect,
  onAdd,
}: CatalogueRowProps) {
  const { t } = useTranslation();
  const name = datasetTitle(dataset);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect();
    }
  };
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={0}
      className={`layer-row catalogue-row${selected ? ' selected' : ''}${nested ? ' nested' : ''}`}
      data-testid={`dataset-row-${dataset.id}`}
      data-status={dataset.status}
      data-standing={dataset.standing}
      data-on-map={onMap}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <KindIcon kind={dataset.kind} />
      <div className="layer-text">
        <div className="layer-name" title={name}>
          {name}
        </div>
        <div className="layer-meta">
          <span className="layer-format">{dataset.format}</span>
          {sourceName !== null && (
            <span className="layer-source" title={t('layers.publicOf', { name: sourceName })}>
              {t('layers.publicOf', { name: sourceName })}
            </span>
          )}
        </div>
      </div>
      <LevelTag level={dataset.level} />
      {dataset.standing === 'active' ? null : (
        <Tag color="warning" data-testid="row-standing">
          {messageText(standingKey(dataset.standing))}
        </Tag>
      )}
      <StatusTag status={dataset.status} isSource={dataset.sourceId === null} />
      <AddToMap
        onMap={onMap}
        onAdd={onAdd}
        addTestId={`dataset-add-${dataset.id}`}
        onMapTestId={`dataset-onmap-${dataset.id}`}
      />
    </div>
  );
}
