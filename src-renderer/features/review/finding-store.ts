import { create } from 'zustand';
import type { MapSelection } from '../../map/selection-overlay.js';

/** The review finding the map outlines (features, pixel window, area) and a request to fit it. */
export interface FindingMapState {
  /** The finding's number in its review, or null when none is shown. */
  readonly finding: number | null;
  readonly shapes: MapSelection | null;
  /** Bumped each time the map is asked to fit what is shown. */
  readonly seq: number;
}

export const useFindingStore = create<FindingMapState>()(() => ({ finding: null, shapes: null, seq: 0 }));

/** Shows a finding's shapes on the map and fits the view to them. */
export const showFinding = (finding: number, shapes: MapSelection): void => {
  useFindingStore.setState((s) => ({ finding, shapes, seq: s.seq + 1 }));
};

export const clearFinding = (): void => {
  useFindingStore.setState({ finding: null, shapes: null });
};
