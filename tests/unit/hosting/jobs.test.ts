import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import type { HostEvent } from '../../../src-main/api/events.js';
import { createJobRegistry } from '../../../src-main/hosting/jobs.js';

function recorded() {
  const registry = createJobRegistry();
  const events: HostEvent[] = [];
  registry.onEvent((event) => events.push(event));
  return { registry, events };
}

describe('job registry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends at most ten progress events a second per job, the latest value winning', () => {
    const { registry, events } = recorded();
    const job = registry.start('job_aaaaaaaa');
    const store = job.step({ phase: 'store' });
    for (let done = 1; done <= 50; done += 1) {
      store.onProgress?.(done, 50);
      vi.advanceTimersByTime(10);
    }
    // 500 ms of reports every 10 ms: the first at once, then the latest one every 100 ms.
    expect(events.map((e) => (e.name === 'job.progress' ? e.payload.done : -1))).toEqual([
      1, 10, 20, 30, 40, 50,
    ]);
    expect(events.at(-1)).toEqual({
      name: 'job.progress',
      payload: { jobId: 'job_aaaaaaaa', phase: 'store', done: 50, total: 50 },
    });
    vi.advanceTimersByTime(1000);
    expect(events).toHaveLength(6);
  });

  it('throttles each job on its own and tags progress with the step', () => {
    const { registry, events } = recorded();
    const a = registry.start('job_aaaaaaaa');
    const b = registry.start('job_bbbbbbbb');
    a.step({ phase: 'store', item: 2, items: 3 }).onProgress?.(5, 10);
    b.step({ phase: 'package' }).onProgress?.(1, 4);
    expect(events.map((e) => e.payload)).toEqual([
      { jobId: 'job_aaaaaaaa', phase: 'store', item: 2, items: 3, done: 5, total: 10 },
      { jobId: 'job_bbbbbbbb', phase: 'package', done: 1, total: 4 },
    ]);
  });

  it('finish sends job.finished once, drops pending progress and forgets the job', () => {
    const { registry, events } = recorded();
    const job = registry.start('job_aaaaaaaa');
    const step = job.step({ phase: 'resample' });
    step.onProgress?.(1, 10);
    step.onProgress?.(2, 10);
    job.finish(true);
    job.finish(false);
    step.onProgress?.(3, 10);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([
      { name: 'job.progress', payload: { jobId: 'job_aaaaaaaa', phase: 'resample', done: 1, total: 10 } },
      { name: 'job.finished', payload: { jobId: 'job_aaaaaaaa', ok: true } },
    ]);
    expect(registry.cancel('job_aaaaaaaa')).toBe(false);
    // The id is free again once the job has finished.
    expect(() => registry.start('job_aaaaaaaa')).not.toThrow();
  });

  it('cancel aborts a running job and answers false for unknown or finished ones', () => {
    const { registry } = recorded();
    expect(registry.cancel('job_unknown0')).toBe(false);
    const job = registry.start('job_aaaaaaaa');
    expect(job.signal?.aborted).toBe(false);
    expect(registry.cancel('job_aaaaaaaa')).toBe(true);
    expect(job.signal?.aborted).toBe(true);
    expect(job.step({ phase: 'package' }).signal).toBe(job.signal);
    job.finish(false);
    expect(registry.cancel('job_aaaaaaaa')).toBe(false);
  });

  it('refuses a second job under a running id', () => {
    const { registry } = recorded();
    registry.start('job_aaaaaaaa');
    expect(() => registry.start('job_aaaaaaaa')).toThrow(StrataError);
  });

  it('a job without id runs untracked: no signal, no events', () => {
    const { registry, events } = recorded();
    const job = registry.start(undefined);
    expect(job.signal).toBeUndefined();
    job.step({ phase: 'store' }).onProgress?.(1, 2);
    job.finish(true);
    expect(events).toEqual([]);
  });

  it('a failing listener neither breaks the job nor starves the others; unsubscribe stops delivery', () => {
    const registry = createJobRegistry();
    const seen: string[] = [];
    registry.onEvent(() => {
      throw new Error('stream closed');
    });
    const unsubscribe = registry.onEvent((event) => seen.push(event.name));
    const job = registry.start('job_aaaaaaaa');
    expect(() => {
      job.step({ phase: 'store' }).onProgress?.(1, 2);
    }).not.toThrow();
    unsubscribe();
    job.finish(true);
    expect(seen).toEqual(['job.progress']);
  });
});
