import { useCallback, useRef, useState } from 'react';
import type { JobProgressEvent } from '../../src-main/api/events.js';
import { usePlatform } from '../platform/platform-context.js';

/** A long contract call the user can follow and cancel. */
export interface Job {
  /** True while a call started by `run` is in flight. */
  readonly running: boolean;
  /** Latest progress of the running call; null until the host reports any. */
  readonly progress: JobProgressEvent | null;
  /** True once cancel was asked and until the call settles. */
  readonly cancelling: boolean;
  /** Runs `call` under a fresh job id (pass it to the contract method) and follows its progress. */
  readonly run: <T>(call: (jobId: string) => Promise<T>) => Promise<T>;
  /** Asks the host to stop the running call; the call then fails with CANCELLED. */
  readonly cancel: () => void;
}

/** `job_` + 24 random hex digits, as the contract's job id pattern wants. */
function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `job_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Follows one long call at a time for a component: a fresh job id per run, progress filtered to
 * that id (host events arrive for every job), and cancel through `jobs.cancel`.
 */
export function useJob(): Job {
  const { api, events } = usePlatform();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgressEvent | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const current = useRef<string | null>(null);

  const run = useCallback(
    async <T>(call: (jobId: string) => Promise<T>): Promise<T> => {
      const jobId = newJobId();
      current.current = jobId;
      setProgress(null);
      setCancelling(false);
      setRunning(true);
      const unsubscribe = events.onJobProgress((event) => {
        if (event.jobId === jobId) setProgress(event);
      });
      try {
        return await call(jobId);
      } finally {
        unsubscribe();
        current.current = null;
        setRunning(false);
        setProgress(null);
        setCancelling(false);
      }
    },
    [events],
  );

  const cancel = useCallback(() => {
    const jobId = current.current;
    if (jobId === null) return;
    setCancelling(true);
    api['jobs.cancel']({ jobId }).catch(() => {
      // The host did not take the request: let the user try again.
      setCancelling(false);
    });
  }, [api]);

  return { running, progress, cancelling, run, cancel };
}
