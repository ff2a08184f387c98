import { StrataError } from '../api/errors.js';
import type { HostEvent, JobProgressEvent } from '../api/events.js';
import type { JobRun, JobsPort } from '../services/deps.js';

export interface JobRegistryOptions {
  /** Least time between two progress events of one job, in ms (default 100: ten a second). */
  readonly minIntervalMs?: number;
}

/** The host side of long work: one AbortController per running job, events for whoever listens. */
export interface JobRegistry extends JobsPort {
  /** Subscribes to `job.progress` / `job.finished` of every job; returns the unsubscribe function. */
  onEvent(listener: (event: HostEvent) => void): () => void;
}

interface Entry {
  readonly controller: AbortController;
  lastEmit: number;
  pending: JobProgressEvent | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** An anonymous job: nobody knows its id, so nobody can follow or cancel it. */
const UNTRACKED: JobRun = { step: () => ({}), finish: () => undefined };

/**
 * Creates the registry a host shares between its transports. Progress is throttled per job to
 * one event per `minIntervalMs`, the latest value winning (a trailing event is sent when the
 * interval is up, so the bar never stalls short of the last report); `job.finished` drops any
 * pending progress, so nothing of a job follows its end.
 */
export function createJobRegistry(options: JobRegistryOptions = {}): JobRegistry {
  const minInterval = options.minIntervalMs ?? 100;
  const running = new Map<string, Entry>();
  const listeners = new Set<(event: HostEvent) => void>();

  const emit = (event: HostEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // A listener that fails (a stream closing under it) must not break the job.
      }
    }
  };
  const flush = (entry: Entry): void => {
    entry.timer = null;
    const payload = entry.pending;
    if (!payload) return;
    entry.pending = null;
    entry.lastEmit = Date.now();
    emit({ name: 'job.progress', payload });
  };
  const report = (entry: Entry, payload: JobProgressEvent): void => {
    entry.pending = payload;
    if (entry.timer) return;
    const wait = entry.lastEmit + minInterval - Date.now();
    if (wait <= 0) flush(entry);
    else
      entry.timer = setTimeout(() => {
        flush(entry);
      }, wait);
  };

  return {
    start(jobId) {
      if (jobId === undefined) return UNTRACKED;
      if (running.has(jobId)) throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.jobRunning' });
      const entry: Entry = {
        controller: new AbortController(),
        lastEmit: -Infinity,
        pending: null,
        timer: null,
      };
      running.set(jobId, entry);
      const { signal } = entry.controller;
      const live = (): boolean => running.get(jobId) === entry;
      return {
        signal,
        step: (step) => ({
          signal,
          onProgress: (done, total) => {
            if (live()) report(entry, { jobId, ...step, done, total });
          },
        }),
        finish: (ok) => {
          if (!live()) return;
          running.delete(jobId);
          if (entry.timer) clearTimeout(entry.timer);
          entry.pending = null;
          emit({ name: 'job.finished', payload: { jobId, ok } });
        },
      };
    },
    cancel(jobId) {
      const entry = running.get(jobId);
      entry?.controller.abort();
      return entry !== undefined;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
