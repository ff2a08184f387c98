import { create } from 'zustand';
import type { LayerStyle } from '../../map/style/model.js';
import { parseLayerStyle } from '../../map/style/parse.js';

/** One local-storage entry holds every dataset's style: `{ [datasetId]: LayerStyle }`. */
const STORAGE_KEY = 'strata.layerStyles.v1';

export interface StyleState {
  /** Saved styles by dataset id; a dataset without one is drawn with its kind's default. */
  readonly styles: Readonly<Record<string, LayerStyle>>;
  /** The dataset whose style panel is open. */
  readonly panelFor: string | null;
}

function load(): Record<string, LayerStyle> {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return {};
    const out: Record<string, LayerStyle> = {};
    for (const [id, value] of Object.entries(raw)) {
      const style = parseLayerStyle(value);
      if (style) out[id] = style;
    }
    return out;
  } catch {
    // Unreadable storage (corrupt JSON, storage disabled) starts from defaults, not a broken map.
    return {};
  }
}

function save(styles: Readonly<Record<string, LayerStyle>>): void {
  try {
    globalThis.localStorage.setItem(STORAGE_KEY, JSON.stringify(styles));
  } catch {
    // A full or disabled storage keeps the style for this session only.
  }
}

export const useStyleStore = create<StyleState>()(() => ({ styles: load(), panelFor: null }));

export const setLayerStyle = (datasetId: string, style: LayerStyle | null): void => {
  useStyleStore.setState((s) => {
    const styles: Record<string, LayerStyle> = Object.fromEntries(
      Object.entries(s.styles).filter(([id]) => id !== datasetId),
    );
    if (style) styles[datasetId] = style;
    save(styles);
    return { styles };
  });
};

export const openStylePanel = (datasetId: string | null): void => {
  useStyleStore.setState({ panelFor: datasetId });
};
