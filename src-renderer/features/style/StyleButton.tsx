import { BgColorsOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { openStylePanel } from './style-store.js';

/** Opens the style panel of a dataset (in the layer row and the detail panel header). */
export function StyleButton({ datasetId, testId }: { readonly datasetId: string; readonly testId: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('style.open')}>
      <Button
        type="text"
        size="small"
        icon={<BgColorsOutlined />}
        aria-label={t('style.open')}
        data-testid={testId}
        onClick={(event) => {
          event.stopPropagation();
          openStylePanel(datasetId);
        }}
      />
    </Tooltip>
  );
}
