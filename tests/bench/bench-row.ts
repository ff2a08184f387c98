/** One benchmark figure: a Strata job beside its peer (GDAL or coreutils) doing the same work. */
export interface BenchRow {
  readonly job: string;
  readonly strataSeconds: number;
  /** Absent for a figure without a peer (first paint in Chromium: GDAL does not draw). */
  readonly peer?: string;
  readonly peerSeconds?: number;
  readonly notes?: string;
}

export type Report = (row: BenchRow) => void;
