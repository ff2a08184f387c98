/** One benchmark figure: a Strata job beside its peer (GDAL or coreutils) doing the same work. */
export interface BenchRow {
  readonly job: string;
  readonly strataSeconds: number;
  readonly peer: string;
  readonly peerSeconds: number;
  readonly notes?: string;
}

export type Report = (row: BenchRow) => void;
