// Worker-thread entry (bundled to dist/main/working-copy-worker.mjs): writes one display working
// copy off the host's event loop (ADR 0125) and reports progress; `cancel` aborts it, and the
// client removes the temp file if the worker had to be terminated.
import { serveJobs } from '../jobs/serve-jobs.js';
import { writeWorkingCopy } from './working-copy.js';
import type { WorkingCopyArgs } from './working-copy-client.js';

serveJobs(({ src, dest, placement }: WorkingCopyArgs, options) =>
  writeWorkingCopy(src, dest, options, placement),
);
