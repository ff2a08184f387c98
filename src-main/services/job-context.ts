import { StrataError } from '../api/errors.js';
import type { JobContext, JobStep } from './deps.js';

/** A job nobody follows: no signal, progress goes nowhere. */
export const NO_JOB: JobContext = { step: () => ({}) };

/** Throws CANCELLED once the job was asked to stop; called between steps, before anything is kept. */
export function throwIfCancelled(job: JobContext): void {
  if (job.signal?.aborted === true) throw new StrataError('CANCELLED');
}

/** The same job seen from file `item` (1-based) of `items`: every step is tagged with the file. */
export function forItem(job: JobContext, item: number, items: number): JobContext {
  return {
    ...(job.signal ? { signal: job.signal } : {}),
    step: (step) => job.step({ ...step, item, items }),
  };
}

/** Marks the start of a step without units of its own (parsing, re-review): progress 0 of 1. */
export function enterStep(job: JobContext, step: JobStep): void {
  job.step(step).onProgress?.(0, 1);
}
