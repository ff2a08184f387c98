import { create } from 'zustand';
import type { MapSelection } from '../../map/selection-overlay.js';

/** The attribute table's state: which layer it shows, what is selected, and requests to the map and the rows. */
export interface TableState {
  /** The dataset whose table is open; null when closed. */
  readonly datasetId: string | null;
  /** Which the dock at the bottom shows while the table is open. */
  readonly view: 'table' | 'identify';
  /** Feature ids selected in the open table, in the order they were selected. */
  readonly selected: readonly number[];
  /** What the map draws of the selection (the geometries the table has read). */
  readonly mapSelection: MapSelection | null;
  /** A feature to scroll the table to (picked on the map); `seq` makes a repeat a new request. */
  readonly focus: { readonly fid: number; readonly seq: number } | null;
  /** Bumped to ask the map to fit the selection. */
  readonly zoomSeq: number;
}

const CLOSED: TableState = {
  datasetId: null,
  view: 'table',
  selected: [],
  mapSelection: null,
  focus: null,
  zoomSeq: 0,
};

export const useTableStore = create<TableState>()(() => CLOSED);
const set = useTableStore.setState;

export const openTable = (datasetId: string): void => {
  set((s) => (s.datasetId === datasetId ? { view: 'table' } : { ...CLOSED, datasetId, zoomSeq: s.zoomSeq }));
};
export const closeTable = (): void => {
  set((s) => ({ ...CLOSED, zoomSeq: s.zoomSeq }));
};
export const showView = (view: TableState['view']): void => {
  set({ view });
};
export const setSelected = (selected: readonly number[]): void => {
  set({ selected });
};
export const setMapSelection = (mapSelection: MapSelection | null): void => {
  set({ mapSelection });
};
export const zoomToSelection = (): void => {
  set((s) => ({ zoomSeq: s.zoomSeq + 1 }));
};

/**
 * A feature clicked on the map: when it belongs to the open table's layer it becomes the
 * selection and the table scrolls to its row; true when it did.
 */
export const pickedOnMap = (layerId: string, fid: number | null): boolean => {
  const s = useTableStore.getState();
  if (s.datasetId !== layerId || fid === null) {
    if (s.datasetId !== null) set({ view: 'identify' });
    return false;
  }
  set({ selected: [fid], view: 'table', focus: { fid, seq: (s.focus?.seq ?? 0) + 1 } });
  return true;
};
