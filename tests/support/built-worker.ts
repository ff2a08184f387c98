import { inject } from 'vitest';
import type { WorkerName } from './worker-setup.js';

/** The worker bundle tests/support/worker-setup.ts built for this run. */
export function builtWorker(name: WorkerName): URL {
  const built = inject('workerUrls') as Record<WorkerName, string> | undefined;
  if (built === undefined) throw new Error('workers not built: tests/support/worker-setup.ts did not run');
  return new URL(built[name]);
}
