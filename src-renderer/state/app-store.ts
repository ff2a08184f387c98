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

/** Attributes of the feature last clicked on the map (attribute values stay in the renderer). */
export interface ClickedFeature {
  readonly datasetId: string;
  readonly layerName: string;
  readonly properties: readonly (readonly [string, unknown])[];
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
  /** Dataset ids switched off in the layer list (everything else is drawn). */
  readonly hidden: Readonly<Record<string, true>>;
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
  hidden: {},
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
export const setDatasets = (datasets: readonly DatasetSummary[]): void => {
  set({ datasets });
};
export const setListLoading = (listLoading: boolean): void => {
  set({ listLoading });
};
export const setImportOpen = (importOpen: boolean): void => {
  set({ importOpen });
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

/** Selects a dataset and asks the map to fit it (selection = "zoom to layer"). */
export const select = (id: string | null): void => {
  set((s) => ({
    selectedId: id,
    zoomRequest: id === null ? s.zoomRequest : { id, seq: (s.zoomRequest?.seq ?? 0) + 1 },
  }));
};

export const toggleVisible = (id: string, visible: boolean): void => {
  set((s) => {
    const hidden: Record<string, true> = Object.fromEntries(
      Object.entries(s.hidden).filter(([key]) => key !== id),
    );
    if (!visible) hidden[id] = true;
    return { hidden };
  });
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
