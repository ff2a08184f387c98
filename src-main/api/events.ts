/** Stages of long work, in the order a job passes them. The UI and CLI translate `job.phase.<phase>`. */
export const JOB_PHASES = [
  'import',
  'store',
  'overviews',
  'resample',
  'write',
  'review',
  'package',
  'receive',
] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

/** A job id the client chooses, so it can subscribe and cancel before the call returns. */
export const JOB_ID_PATTERN = /^job_[0-9a-z]{8,32}$/;

/**
 * Progress of a long job, pushed from host to UI at most ten times a second. `done`/`total` are
 * in the phase's own units (bytes for store/package, source blocks for overviews/resample, 0/1 otherwise).
 */
export interface JobProgressEvent {
  readonly jobId: string;
  readonly phase: JobPhase;
  readonly done: number;
  readonly total: number;
  /** Jobs over several files (import): 1-based number of the current file, and how many there are. */
  readonly item?: number;
  readonly items?: number;
}

/** Sent once when a job ends, whatever the outcome; no progress for that job follows it. */
export interface JobFinishedEvent {
  readonly jobId: string;
  readonly ok: boolean;
}

/** Payload type of each host event. */
export interface EventPayloads {
  readonly 'job.progress': JobProgressEvent;
  readonly 'job.finished': JobFinishedEvent;
}

export const EVENT_NAMES = [
  'job.progress',
  'job.finished',
] as const satisfies readonly (keyof EventPayloads)[];
export type EventName = (typeof EVENT_NAMES)[number];

/** One event as hosts pass it around: its name and the matching payload. */
export type HostEvent = {
  [N in EventName]: { readonly name: N; readonly payload: EventPayloads[N] };
}[EventName];
