import { BgColorsOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { openStylePanel } from './style-store.js';
import { IconButton } from '../../ui/IconButton.js';

/** Opens the style panel of a dataset (in the layer row and the detail panel header). */
export function StyleButton({ datasetId, testId }: { readonly datasetId: string; readonly testId: string }) {
  const { t } = useTranslation();
  return (
    <IconButton
      label={t('style.open')}
      testId={testId}
      type="text"
      icon={<BgColorsOutlined />}
      onClick={(event) => {
        event.stopPropagation();
        openStylePanel(datasetId);
      }}
    />
  );
}
