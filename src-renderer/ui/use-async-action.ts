import { useCallback, useRef, useState } from 'react';

export interface AsyncAction<A extends unknown[], R> {
  readonly run: (...args: A) => Promise<R | undefined>;
  readonly busy: boolean;
  readonly error: unknown;
  readonly clearError: () => void;
}

/**
 * Runs one long call at a time for a button: tracks busy and the last error (kept as the thrown
 * object so it is re-translated on language change). Results are returned to the caller.
 */
export function useAsyncAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): AsyncAction<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        return await fn(...args);
      } catch (caught) {
        setError(caught);
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [fn],
  );
  const clearError = useCallback(() => {
    setError(null);
  }, []);
  return { run, busy, error, clearError };
}
