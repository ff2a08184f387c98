import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { showView, type TableState } from './table-store.js';

/** While an attribute table is open, switches the dock below the map between it and the identify panel. */
export function DockSwitch({ view }: { readonly view: TableState['view'] }) {
  const { t } = useTranslation();
  return (
    <Segmented<TableState['view']>
      size="small"
      value={view}
      data-testid="dock-view"
      options={[
        { value: 'table', label: t('featureTable.title') },
        { value: 'identify', label: t('featureTable.identify') },
      ]}
      onChange={showView}
    />
  );
}
