import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { IconButton } from './IconButton.js';

interface Props {
  /** The dataset is on the map already: a mark instead of the button. */
  readonly onMap: boolean;
  readonly onAdd: () => void;
  /** Test id of the button; the mark's, when given. */
  readonly addTestId: string;
  readonly onMapTestId?: string;
}

/** A list row's "add to map" button, or the mark saying the dataset is on the map. */
export function AddToMap({ onMap, onAdd, addTestId, onMapTestId }: Props) {
  const { t } = useTranslation();
  return onMap ? (
    <Tooltip title={t('layers.onMap')}>
      <span
        className="on-map-mark"
        role="img"
        aria-label={t('layers.onMap')}
        {...(onMapTestId ? { 'data-testid': onMapTestId } : {})}
      >
        <CheckOutlined />
      </span>
    </Tooltip>
  ) : (
    <IconButton
      label={t('layers.addToMap')}
      testId={addTestId}
      type="text"
      icon={<PlusOutlined />}
      onClick={(event) => {
        event.stopPropagation();
        onAdd();
      }}
    />
  );
}
