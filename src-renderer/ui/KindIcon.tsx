import { AppstoreOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatasetSummary } from '../../src-main/api/types.js';

export function KindIcon({ kind }: { readonly kind: DatasetSummary['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`kind.${kind}`)}>
      <span className={`kind-icon kind-${kind}`} aria-label={t(`kind.${kind}`)} role="img">
        {kind === 'raster' ? <AppstoreOutlined /> : <NodeIndexOutlined />}
      </span>
    </Tooltip>
  );
}
