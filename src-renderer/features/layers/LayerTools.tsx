import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CloseOutlined,
  FolderOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { Button, Select, Slider } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  moveLayerStep,
  moveLayerToGroup,
  removeFromMap,
  removeGroup,
  setOpacity,
  useAppStore,
} from '../../state/app-store.js';
import { openTable } from '../table/table-store.js';
import { findLayer, placeOf, type LayerTree } from '../../state/layer-tree.js';
import { IconButton } from '../../ui/IconButton.js';

/** Below the tree: what can be done to the current layer or group, every action a button or slider. */
export function LayerTools({ tree, current }: { readonly tree: LayerTree; readonly current: string | null }) {
  const { t } = useTranslation();
  const vector = useAppStore((s) => s.datasets.some((d) => d.id === current && d.kind === 'vector'));
  const place = current === null ? null : placeOf(tree, current);
  if (current === null || place === null)
    return <div className="layer-tools muted">{t('layers.orderHint')}</div>;
  const group = tree.nodes.find((n) => n.kind === 'group' && n.id === current);
  const layer = group ? undefined : findLayer(tree, current);
  const groups = tree.nodes.flatMap((n) => (n.kind === 'group' ? [n] : []));
  const step = (direction: -1 | 1) => () => {
    moveLayerStep(current, direction);
  };
  return (
    <div className="layer-tools" data-testid="layer-tools" data-node={current}>
      {layer ? (
        <label className="opacity-row">
          <span className="field-label-inline">{t('layers.opacity')}</span>
          <Slider
            className="opacity-slider"
            min={0}
            max={100}
            step={5}
            value={Math.round(layer.opacity * 100)}
            tooltip={{ formatter: (v) => `${String(v ?? 0)}%` }}
            aria-label={t('layers.opacity')}
            data-testid="layer-opacity"
            onChange={(value) => {
              setOpacity(layer.id, value / 100);
            }}
          />
          <span className="opacity-value" data-testid="layer-opacity-value">
            {Math.round(layer.opacity * 100)}%
          </span>
        </label>
      ) : null}
      <div className="tool-buttons">
        <IconButton
          label={t('layers.moveUp')}
          testId="layer-up"
          icon={<ArrowUpOutlined />}
          onClick={step(-1)}
        />
        <IconButton
          label={t('layers.moveDown')}
          testId="layer-down"
          icon={<ArrowDownOutlined />}
          onClick={step(1)}
        />
        {layer ? (
          <Select<string>
            size="small"
            className="group-select"
            aria-label={t('layers.moveToGroup')}
            data-testid="layer-group-select"
            prefix={<FolderOutlined />}
            value={place.parent ?? ''}
            options={[
              { value: '', label: t('layers.noGroup') },
              ...groups.map((g) => ({ value: g.id, label: g.name })),
            ]}
            onChange={(value) => {
              moveLayerToGroup(layer.id, value === '' ? null : value);
            }}
          />
        ) : null}
        {layer && vector ? (
          <IconButton
            label={t('featureTable.open')}
            testId="layer-open-table"
            icon={<TableOutlined />}
            onClick={() => {
              openTable(layer.id);
            }}
          />
        ) : null}
        {layer ? (
          <IconButton
            label={t('layers.removeFromMap')}
            testId="layer-remove"
            danger
            icon={<CloseOutlined />}
            onClick={() => {
              removeFromMap(layer.id);
            }}
          />
        ) : (
          <Button
            size="small"
            data-testid="group-ungroup"
            onClick={() => {
              removeGroup(current);
            }}
          >
            {t('layers.ungroup')}
          </Button>
        )}
      </div>
    </div>
  );
}
