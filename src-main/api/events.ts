/** Progress of a long job, pushed from host to UI. `done`/`total` in the job's own units. */
export interface JobProgressEvent {
  readonly jobId: string;
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export const EVENT_NAMES = ['job.progress'] as const;
export type EventName = (typeof EVENT_NAMES)[number];
