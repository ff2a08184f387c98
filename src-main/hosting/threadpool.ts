// Imported first by every host entry (CLI, harness, Electron, bench): libuv reads
// UV_THREADPOOL_SIZE once, when the process's pool first starts, so it must be set before any
// file, zlib or SQLite work. A resample's zlib jobs then keep both cores busy while two threads
// stay free for the host's file serving and catalogue calls (ADR 0085).

/** Threads in the process's libuv pool unless the user's environment says otherwise. */
const THREADPOOL_SIZE = 8;

process.env['UV_THREADPOOL_SIZE'] ??= String(THREADPOOL_SIZE);
