import '../hosting/threadpool.js';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localCaller } from '../api/caller.js';
import type { Dispatch } from '../api/dispatcher.js';
import { StrataError } from '../api/errors.js';
import { internalErrorReport } from '../hosting/internal-error.js';
import { installBundledCrs } from '../node/crs/index.js';
import { openWorkstation } from '../hosting/open-workstation.js';
import { headlessDispatcher } from '../hosting/system-handlers.js';
import { STRATA_VERSION } from '../hosting/version.js';
import { currentUser, defaultHome, languageFrom, resourcesBeside } from '../hosting/environment.js';
import { CliFailure, COMMANDS, USAGE } from './commands.js';
import { createOutput } from './output.js';
import { progressLine } from './progress.js';

/** Exit status of a run cancelled with Ctrl+C (128 + SIGINT), as shells expect. */
const EXIT_INTERRUPTED = 130;

/**
 * Ctrl+C cancels the running job through the contract, so it unwinds cleanly and the command
 * reports CANCELLED; with no job running (or on a second Ctrl+C) the process exits at once.
 */
function cancelOnInterrupt(dispatch: Dispatch, jobId: string): () => void {
  let asked = false;
  const onInterrupt = (): void => {
    if (asked) process.exit(EXIT_INTERRUPTED);
    asked = true;
    void dispatch('jobs.cancel', { jobId }).then((result) => {
      const cancelled = result.ok && (result.value as { cancelled: boolean }).cancelled;
      if (!cancelled) process.exit(EXIT_INTERRUPTED);
    });
  };
  process.on('SIGINT', onInterrupt);
  return () => process.off('SIGINT', onInterrupt);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      home: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      user: { type: 'string' },
      out: { type: 'string' },
      key: { type: 'string' },
      title: { type: 'string' },
      abstract: { type: 'string' },
      level: { type: 'string' },
      period: { type: 'string' },
      attribution: { type: 'string' },
      crs: { type: 'string' },
      encoding: { type: 'string' },
      x: { type: 'string' },
      y: { type: 'string' },
      limit: { type: 'string' },
      as: { type: 'string' },
      reason: { type: 'string' },
      at: { type: 'string' },
      scale: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const lang = languageFrom(values.lang ?? process.env['STRATA_LANG'] ?? process.env['LANG']);
  const out = createOutput(values.json, lang);
  const command = positionals[0];
  const run = command ? COMMANDS[command] : undefined;
  if (values.help || !run) {
    (run || values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const home = path.resolve(values.home ?? process.env['STRATA_HOME'] ?? defaultHome());
  const user = values.user ?? currentUser();
  await installBundledCrs(resourcesBeside(import.meta.url));
  const workstation = await openWorkstation({ home });
  const dispatch = headlessDispatcher(
    workstation,
    'cli',
    STRATA_VERSION,
    localCaller(user),
    (method, error, ref) => {
      process.stderr.write(`${internalErrorReport(method, error, ref)}\n`);
    },
  );
  const jobId = `job_${randomBytes(8).toString('hex')}`;
  const stopCancel = cancelOnInterrupt(dispatch, jobId);
  const stopProgress =
    !values.json && process.stderr.isTTY
      ? workstation.onEvent(progressLine(process.stderr, lang))
      : () => undefined;
  try {
    return await run({
      dispatch,
      jobId,
      out,
      positionals,
      options: {
        out: values.out,
        key: values.key,
        title: values.title,
        abstract: values.abstract,
        level: values.level,
        period: values.period,
        attribution: values.attribution,
        crs: values.crs,
        encoding: values.encoding,
        x: values.x,
        y: values.y,
        limit: values.limit,
        as: values.as,
        reason: values.reason,
        at: values.at,
        scale: values.scale,
      },
    });
  } catch (error) {
    if (error instanceof CliFailure) {
      out.error(error.body);
      return error.body.code === 'CANCELLED' ? EXIT_INTERRUPTED : 1;
    }
    if (!(error instanceof StrataError)) throw error;
    out.error({ code: error.code, params: error.params });
    return 1;
  } finally {
    stopProgress();
    stopCancel();
    await workstation.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`strata: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
