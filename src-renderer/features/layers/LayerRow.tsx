import { AimOutlined } from '@ant-design/icons';
import { Button, Checkbox, Tooltip } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetSummary } from '../../../src-main/api/types.js';
import { KindIcon } from '../../ui/KindIcon.js';
import { LevelTag } from '../../ui/LevelTag.js';
import { StatusTag } from '../../ui/StatusTag.js';
import { datasetTitle } from '../../i18n/messages.js';
import { StyleButton } from '../style/StyleButton.js';

export interface LayerRowProps {
  readonly dataset: DatasetSummary;
  readonly sourceName: string | null;
  readonly nested: boolean;
  readonly selected: boolean;
  readonly visible: boolean;
  readonly onSelect: () => void;
  readonly onToggle: (visible: boolean) => void;
  readonly onZoom: () => void;
}

/** One dataset in the layer list: visibility, kind, name, format, 密级 and workflow status. */
export function LayerRow({
  dataset,
  sourceName,
  nested,
  selected,
  visible,
  onSelect,
  onToggle,
  onZoom,
}: LayerRowProps) {
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
      className={`layer-row${selected ? ' selected' : ''}${nested ? ' nested' : ''}`}
      data-testid={`dataset-row-${dataset.id}`}
      data-status={dataset.status}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <Checkbox
        checked={visible}
        aria-label={t('layers.visible', { name })}
        data-testid={`dataset-visible-${dataset.id}`}
        onClick={(event) => {
          event.stopPropagation();
        }}
        onChange={(event) => {
          onToggle(event.target.checked);
        }}
      />
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
      <StatusTag status={dataset.status} isSource={dataset.sourceId === null} />
      <StyleButton datasetId={dataset.id} testId={`dataset-style-${dataset.id}`} />
      <Tooltip title={t('layers.zoomTo')}>
        <Button
          type="text"
          size="small"
          icon={<AimOutlined />}
          aria-label={t('layers.zoomTo')}
          data-testid={`dataset-zoom-${dataset.id}`}
          onClick={(event) => {
            event.stopPropagation();
            onZoom();
          }}
        />
      </Tooltip>
    </div>
  );
}
