import '../hosting/threadpool.js';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SIGNED_OUT, localCaller, type CallContext } from '../api/caller.js';
import type { Dispatch } from '../api/dispatcher.js';
import { StrataError } from '../api/errors.js';
import { internalErrorReport } from '../hosting/internal-error.js';
import { installBundledCrs } from '../node/crs/index.js';
import { openWorkstation } from '../hosting/open-workstation.js';
import { headlessDispatcher } from '../hosting/system-handlers.js';
import type { Workstation } from '../hosting/workstation.js';
import { STRATA_VERSION } from '../hosting/version.js';
import { currentUser, defaultHome, languageFrom, resourcesBeside } from '../hosting/environment.js';
import { CliFailure, COMMANDS, USAGE } from './commands.js';
import { createOutput } from './output.js';
import { progressLine } from './progress.js';
import { readPassword } from './passwords.js';

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

type InternalError = (method: string, error: unknown, ref: string) => void;

/**
 * Who this run acts as. Without accounts: the local user (`--user` names them), in every role.
 * With accounts: the account `--user` names, logged in through the contract with the password
 * from STRATA_PASSWORD or the terminal; no --user is LOGIN_REQUIRED. `strata init` runs signed
 * out then, so it can only say that accounts are enabled already.
 */
async function callerOf(
  workstation: Workstation,
  command: string,
  user: string | undefined,
  currentPassword: () => Promise<string>,
  onInternalError: InternalError,
): Promise<CallContext> {
  if (!workstation.accountsEnabled) return localCaller(user ?? currentUser());
  if (command === 'init') return SIGNED_OUT;
  if (user === undefined) throw new StrataError('LOGIN_REQUIRED');
  const password = await currentPassword();
  const signedOut = headlessDispatcher(workstation, 'cli', STRATA_VERSION, SIGNED_OUT, onInternalError);
  const login = await signedOut('session.login', { name: user, password });
  if (!login.ok) throw new CliFailure(login.error);
  return login.value as CallContext;
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
      admin: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
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
      'allow-duplicate': { type: 'boolean', default: false },
      limit: { type: 'string' },
      as: { type: 'string' },
      reason: { type: 'string' },
      comment: { type: 'string' },
      profile: { type: 'string' },
      at: { type: 'string' },
      scale: { type: 'string' },
      dataset: { type: 'string', multiple: true },
      layout: { type: 'string' },
      sheet: { type: 'string' },
      sheets: { type: 'string' },
      paper: { type: 'string' },
      orientation: { type: 'string' },
      all: { type: 'boolean', default: false },
      facet: { type: 'string', multiple: true },
      set: { type: 'string', multiple: true },
      format: { type: 'string' },
      bbox: { type: 'string' },
      page: { type: 'string' },
      sort: { type: 'string' },
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
  await installBundledCrs(resourcesBeside(import.meta.url));
  const onInternalError: InternalError = (method, error, ref) => {
    process.stderr.write(`${internalErrorReport(method, error, ref)}\n`);
  };
  let workstation: Workstation;
  try {
    workstation = await openWorkstation({ home });
  } catch (error) {
    if (!(error instanceof StrataError)) throw error;
    out.error({ code: error.code, params: error.params });
    return 1;
  }
  // Read once: the login and `users passwd` (the old password) use the same one.
  let given: Promise<string> | undefined;
  const currentPassword = (): Promise<string> =>
    (given ??= readPassword(
      'STRATA_PASSWORD',
      out.text('cli.passwordPrompt', { user: values.user ?? currentUser() }),
    ));
  const jobId = `job_${randomBytes(8).toString('hex')}`;
  let stopCancel = (): void => undefined;
  const stopProgress =
    !values.json && process.stderr.isTTY
      ? workstation.onEvent(progressLine(process.stderr, lang))
      : () => undefined;
  try {
    const caller = await callerOf(workstation, command ?? '', values.user, currentPassword, onInternalError);
    const dispatch = headlessDispatcher(workstation, 'cli', STRATA_VERSION, caller, onInternalError);
    stopCancel = cancelOnInterrupt(dispatch, jobId);
    return await run({
      dispatch,
      jobId,
      out,
      positionals,
      currentPassword,
      newPassword: (name) =>
        readPassword(
          'STRATA_NEW_PASSWORD',
          out.text('cli.newPasswordPrompt', { user: name }),
          out.text('cli.newPasswordAgain', {}),
        ),
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
        'allow-duplicate': values['allow-duplicate'] ? 'yes' : undefined,
        limit: values.limit,
        as: values.as,
        reason: values.reason,
        comment: values.comment,
        profile: values.profile,
        at: values.at,
        scale: values.scale,
        // Dataset ids hold no comma, so the repeated option travels joined.
        dataset: values.dataset?.join(','),
        layout: values.layout,
        sheet: values.sheet,
        sheets: values.sheets,
        paper: values.paper,
        orientation: values.orientation,
        all: values.all ? 'all' : undefined,
        admin: values.admin,
        role: values.role,
        'display-name': values['display-name'],
        bbox: values.bbox,
        page: values.page,
        sort: values.sort,
        format: values.format,
      },
      lists: { facet: values.facet ?? [], set: values.set ?? [] },
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
