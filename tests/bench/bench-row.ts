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

/** Wall-clock seconds of one whole call, as the user waits for it. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}
