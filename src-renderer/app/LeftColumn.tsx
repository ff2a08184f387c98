import { Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogueList } from '../features/catalogue/CatalogueList.js';
import { LayerPanel } from '../features/layers/LayerPanel.js';
import { CatalogueSearchView } from '../features/search/CatalogueSearchView.js';

type View = 'layers' | 'search';

/** The left column: the map's layers (with the dataset list) or the catalogue search, one at a time. */
export function LeftColumn() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('layers');
  return (
    <aside className={`left-column view-${view}`}>
      <Segmented<View>
        block
        size="small"
        className="left-view-switch"
        aria-label={t('search.viewSwitch')}
        data-testid="left-view-switch"
        value={view}
        onChange={setView}
        options={[
          { value: 'layers', label: t('layers.title') },
          { value: 'search', label: t('search.title') },
        ]}
      />
      {view === 'layers' ? (
        <>
          <LayerPanel />
          <CatalogueList />
        </>
      ) : (
        <CatalogueSearchView />
      )}
    </aside>
  );
}
