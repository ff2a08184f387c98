import { create } from 'zustand';
import type { Lang } from '../../src-main/api/messages.js';
import type {
  AuditVerification,
  DatasetDetail,
  DatasetSummary,
  ExportResult,
  ReleaseResult,
  SystemInfo,
  VerifyResult,
} from '../../src-main/api/types.js';
import type { MapProblem } from '../map/MapController.js';
import { browserStorage, loadTree, saveTree } from './layer-storage.js';
import {
  addLayers,
  createGroup,
  EMPTY_TREE,
  findLayer,
  freeGroupId,
  layersOf,
  moveNode,
  moveStep,
  moveToGroup,
  reconcile,
  removeLayer,
  setGroupVisible,
  setLayerOpacity,
  setLayerVisible,
  stackOrder,
  ungroup,
  type LayerTree,
  type TreePlace,
} from './layer-tree.js';

/** Attributes of the feature last clicked on the map (attribute values stay in the renderer). */
export interface ClickedFeature {
  readonly datasetId: string;
  readonly layerName: string;
  readonly properties: readonly (readonly [string, unknown])[];
}

/** Translation keys of notices about one layer, all taking the layer's `name`. */
export type LayerNoticeKey = MapProblem['key'];

export interface LayerNotice {
  readonly layerId: string;
  readonly name: string;
  readonly key: LayerNoticeKey;
  /** Orders notices: the newest is the one the status bar shows. */
  readonly seq: number;
  /** About one request (zoom to layer): gone once the layer is hidden. A drawing problem stays with the layer. */
  readonly transient: boolean;
}

export type AuditState =
  { readonly state: 'unknown' | 'checking' } | { readonly state: 'done'; readonly result: AuditVerification };

/** App-wide UI state. Calls to the host live in use-actions.ts; this holds only their results. */
export interface AppState {
  readonly lang: Lang;
  readonly info: SystemInfo | null;
  readonly audit: AuditState;
  readonly datasets: readonly DatasetSummary[];
  readonly listLoading: boolean;
  /** The catalogue list also shows withdrawn and archived datasets (ADR 0171); the map never does. */
  readonly listAll: boolean;
  /** The map's layers (ADR 0110); null until the first catalogue list has arrived. */
  readonly tree: LayerTree | null;
  /** What the map has to say about its layers, each notice tied to its layer's id (ADR 0110). */
  readonly notices: Readonly<Record<string, LayerNotice>>;
  /** Why the last file drop imported nothing (the browser gives no paths), until dismissed. */
  readonly dropRefused: 'layers.dropInBrowser' | 'layers.dropNoPath' | null;
  readonly selectedId: string | null;
  readonly details: Readonly<Record<string, DatasetDetail>>;
  readonly feature: ClickedFeature | null;
  /** Bumped to ask the map to fit a dataset (the id) even when it is already selected. */
  readonly zoomRequest: { readonly id: string; readonly seq: number } | null;
  /** Last results per dataset id, kept while the app runs so switching tabs loses nothing. */
  readonly releases: Readonly<Record<string, ReleaseResult>>;
  readonly exports: Readonly<Record<string, ExportResult>>;
  readonly verifications: Readonly<Record<string, VerifyResult>>;
  readonly importOpen: boolean;
  /** Paths waiting in the import dialog (typed, picked or dropped), one per line. */
  readonly importDraft: string;
}

const initial: Omit<AppState, 'lang'> = {
  info: null,
  audit: { state: 'unknown' },
  datasets: [],
  listLoading: false,
  listAll: false,
  tree: null,
  notices: {},
  dropRefused: null,
  selectedId: null,
  details: {},
  feature: null,
  zoomRequest: null,
  releases: {},
  exports: {},
  verifications: {},
  importOpen: false,
  importDraft: '',
};

export const useAppStore = create<AppState>()(() => ({ ...initial, lang: 'zh-CN' }));

const set = useAppStore.setState;

export const setLang = (lang: Lang): void => {
  set({ lang });
};
export const setInfo = (info: SystemInfo): void => {
  set({ info });
};
export const setAudit = (audit: AuditState): void => {
  set({ audit });
};
/** The catalogue list; the layer tree follows it (new datasets on top, deleted ones off the map). */
export const setDatasets = (datasets: readonly DatasetSummary[]): void => {
  set((s) => {
    const stored = s.tree ?? loadTree(browserStorage());
    // Withdrawn and archived datasets, listed on request, stay off the map (ADR 0171).
    const inUse = datasets.filter((d) => d.standing === 'active');
    const tree = reconcile(stored ?? EMPTY_TREE, stackOrder(inUse), stored === null);
    saveTree(browserStorage(), tree);
    return { datasets, tree, notices: noticesOn(s.notices, tree) };
  });
};
export const setListAll = (listAll: boolean): void => {
  set({ listAll });
};
export const setListLoading = (listLoading: boolean): void => {
  set({ listLoading });
};
/** Opening the dialog answers a refused drop's hint, so the hint goes. */
export const setImportOpen = (importOpen: boolean): void => {
  set(importOpen ? { importOpen, dropRefused: null } : { importOpen });
};
export const setImportDraft = (importDraft: string): void => {
  set({ importDraft });
};
/** Adds paths (from the native picker or a drop) to the draft and opens the dialog. */
export const addImportPaths = (paths: readonly string[]): void => {
  set((s) => {
    const existing = s.importDraft
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const merged = [...existing, ...paths.filter((p) => !existing.includes(p))];
    return { importDraft: merged.join('\n'), importOpen: true };
  });
};
export const setFeature = (feature: ClickedFeature | null): void => {
  set({ feature });
};

/**
 * Selects a dataset and, unless `zoom` is false, asks the map to fit it (a catalogue pick zooms;
 * a click in the layer tree only makes the layer current, as in QGIS, and keeps the view).
 */
export const select = (id: string | null, zoom = true): void => {
  set((s) => ({
    selectedId: id,
    zoomRequest: id === null || !zoom ? s.zoomRequest : { id, seq: (s.zoomRequest?.seq ?? 0) + 1 },
  }));
};

/** Notices of layers still on the map; a hidden layer also loses the ones about a request. */
function noticesOn(
  notices: Readonly<Record<string, LayerNotice>>,
  tree: LayerTree,
): Readonly<Record<string, LayerNotice>> {
  const visible = new Map(
    layersOf(tree).map(({ layer, group }) => [layer.id, layer.visible && (group?.visible ?? true)]),
  );
  return Object.fromEntries(
    Object.entries(notices).filter(([, notice]) => {
      const shown = visible.get(notice.layerId);
      return shown !== undefined && (shown || !notice.transient);
    }),
  );
}

/** Applies a change to the layer tree, stores it, and drops notices of layers it took off or hid. */
function updateTree(change: (tree: LayerTree) => LayerTree): void {
  set((s) => {
    if (!s.tree) return {};
    const tree = change(s.tree);
    saveTree(browserStorage(), tree);
    const onMap = new Set(layersOf(tree).map((l) => l.layer.id));
    const feature = s.feature && !onMap.has(s.feature.datasetId) ? null : s.feature;
    return { tree, notices: noticesOn(s.notices, tree), feature };
  });
}

export const addToMap = (ids: readonly string[]): void => {
  updateTree((tree) => addLayers(tree, ids));
};
export const removeFromMap = (id: string): void => {
  updateTree((tree) => removeLayer(tree, id));
};
export const toggleVisible = (id: string, visible: boolean): void => {
  updateTree((tree) => setLayerVisible(tree, id, visible));
};
export const setOpacity = (id: string, opacity: number): void => {
  updateTree((tree) => setLayerOpacity(tree, id, opacity));
};
export const toggleGroupVisible = (groupId: string, visible: boolean): void => {
  updateTree((tree) => setGroupVisible(tree, groupId, visible));
};
/** Adds a group at the top and returns its id; `withLayer` (a layer on the map) moves into it. */
export const addGroup = (name: string, withLayer: string | null): string => {
  const tree = useAppStore.getState().tree ?? EMPTY_TREE;
  const id = freeGroupId(tree);
  updateTree((t) => {
    const grouped = createGroup(t, id, name);
    return withLayer && findLayer(grouped, withLayer) ? moveToGroup(grouped, withLayer, id) : grouped;
  });
  return id;
};
export const removeGroup = (groupId: string): void => {
  updateTree((tree) => ungroup(tree, groupId));
};
export const moveLayerStep = (nodeId: string, step: -1 | 1): void => {
  updateTree((tree) => moveStep(tree, nodeId, step));
};
export const moveLayerTo = (nodeId: string, place: TreePlace): void => {
  updateTree((tree) => moveNode(tree, nodeId, place));
};
export const moveLayerToGroup = (layerId: string, groupId: string | null): void => {
  updateTree((tree) => moveToGroup(tree, layerId, groupId));
};

// A layer holds at most one drawing problem and one answer to a request, each replacing its last.
const slotOf = (notice: Pick<LayerNotice, 'layerId' | 'transient'>): string =>
  notice.transient ? `${notice.layerId}#request` : notice.layerId;

/** Records what the map says about a layer. */
export const putNotice = (notice: Omit<LayerNotice, 'seq'>): void => {
  set((s) => {
    const seq = Math.max(0, ...Object.values(s.notices).map((n) => n.seq)) + 1;
    return { notices: { ...s.notices, [slotOf(notice)]: { ...notice, seq } } };
  });
};
/** Drops a layer's answer to a request (transient: a zoom that worked) or its drawing problem (a layer that now draws). */
export const clearNotice = (layerId: string, transient: boolean): void => {
  const slot = slotOf({ layerId, transient });
  set((s) => {
    if (!(slot in s.notices)) return {};
    return { notices: Object.fromEntries(Object.entries(s.notices).filter(([key]) => key !== slot)) };
  });
};
export const setDropRefused = (dropRefused: AppState['dropRefused']): void => {
  set({ dropRefused });
};

export const requestZoom = (id: string): void => {
  set((s) => ({ zoomRequest: { id, seq: (s.zoomRequest?.seq ?? 0) + 1 } }));
};

export const putDetail = (detail: DatasetDetail): void => {
  set((s) => ({ details: { ...s.details, [detail.summary.id]: detail } }));
};

export const putRelease = (sourceId: string, result: ReleaseResult): void => {
  set((s) => ({ releases: { ...s.releases, [sourceId]: result } }));
};
export const putExport = (id: string, result: ExportResult): void => {
  set((s) => ({ exports: { ...s.exports, [id]: result } }));
};
export const putVerification = (id: string, result: VerifyResult): void => {
  set((s) => ({ verifications: { ...s.verifications, [id]: result } }));
};
/** Forgets the last verification of `id`: a new attempt must not show it beside its own outcome. */
export const clearVerification = (id: string): void => {
  set((s) => ({
    verifications: Object.fromEntries(Object.entries(s.verifications).filter(([k]) => k !== id)),
  }));
};
