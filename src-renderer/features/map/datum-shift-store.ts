import { create } from 'zustand';
import type { DatumShiftsLoaded } from '../../../src-main/api/types.js';

/** Two national datums the map crosses with no loaded shift: drawn unshifted, tens of metres off. */
export interface UnknownShift {
  readonly from: string;
  readonly to: string;
}

interface DatumShiftState {
  /** What the last `crs.loadDatumShifts` loaded (names and ends only); null before any. */
  readonly loaded: DatumShiftsLoaded | null;
  /** Bumped by each load, so the map asks again how to reproject. */
  readonly generation: number;
  readonly unknown: readonly UnknownShift[];
  readonly dialogOpen: boolean;
}

export const useDatumShiftStore = create<DatumShiftState>(() => ({
  loaded: null,
  generation: 0,
  unknown: [],
  dialogOpen: false,
}));

export const datumShiftsLoaded = (loaded: DatumShiftsLoaded): void => {
  useDatumShiftStore.setState((s) => ({ loaded, generation: s.generation + 1 }));
};
export const setUnknownShifts = (unknown: readonly UnknownShift[]): void => {
  useDatumShiftStore.setState({ unknown });
};
export const setDatumShiftDialog = (dialogOpen: boolean): void => {
  useDatumShiftStore.setState({ dialogOpen });
};
