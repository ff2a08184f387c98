// Worker-thread entry (bundled to dist/main/resample-worker.mjs): runs public-version resamples off
// the host's event loop (ADR 0085), one at a time, reporting progress; `cancel` aborts the running
// one, and the client removes the temp file if the worker had to be terminated.
import { serveJobs } from '../jobs/serve-jobs.js';
import { resampleToPublic } from './resample.js';
import type { ResampleArgs } from './resample-client.js';

serveJobs(({ src, dest, target }: ResampleArgs, options) => resampleToPublic(src, dest, target, options));
