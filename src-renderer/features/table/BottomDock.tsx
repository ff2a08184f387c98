import { useEffect } from 'react';
import { datasetTitle } from '../../i18n/messages.js';
import { useAppStore } from '../../state/app-store.js';
import { EMPTY_TREE, findLayer } from '../../state/layer-tree.js';
import { AttributePanel } from '../map/AttributePanel.js';
import { AttributeTable } from './AttributeTable.js';
import { DockSwitch } from './DockSwitch.js';
import { closeTable, useTableStore } from './table-store.js';

/**
 * Below the map: the identify panel, or, once a layer's attribute table is opened, the table
 * with the identify panel a switch away. The table closes when its layer leaves the map.
 */
export function BottomDock() {
  const datasetId = useTableStore((s) => s.datasetId);
  const view = useTableStore((s) => s.view);
  const tree = useAppStore((s) => s.tree ?? EMPTY_TREE);
  const dataset = useAppStore((s) => s.datasets.find((d) => d.id === datasetId));
  const onMap = datasetId !== null && findLayer(tree, datasetId) !== undefined;
  useEffect(() => {
    if (datasetId !== null && !onMap) closeTable();
  }, [datasetId, onMap]);
  if (datasetId === null || !onMap) return <AttributePanel />;
  return (
    <div className="bottom-dock">
      <div className="dock-view" hidden={view !== 'table'}>
        <AttributeTable
          key={datasetId}
          datasetId={datasetId}
          layerName={dataset ? datasetTitle(dataset) : datasetId}
        />
      </div>
      {view === 'identify' ? <AttributePanel switcher={<DockSwitch view="identify" />} /> : null}
    </div>
  );
}
