import '../hosting/threadpool.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CallContext } from '../api/caller.js';
import { STRATA_VERSION } from '../hosting/version.js';
import { headlessDispatcher, localUserCaller } from '../hosting/system-handlers.js';
import { openWorkstation } from '../hosting/open-workstation.js';
import { currentUser, resourcesBeside } from '../hosting/environment.js';
import { internalErrorReport } from '../hosting/internal-error.js';
import { installBundledCrs } from '../node/crs/index.js';
import { startHarness } from './server.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    home: { type: 'string' },
    port: { type: 'string' },
    user: { type: 'string' },
  },
});

const home = path.resolve(values.home ?? process.env['STRATA_HOME'] ?? '.strata-dev');
const user = values.user ?? currentUser();
await installBundledCrs(resourcesBeside(import.meta.url));
const workstation = await openWorkstation({ home });
const onInternalError = (method: string, error: unknown, ref: string): void => {
  console.error(internalErrorReport(method, error, ref));
};

/**
 * Who the harness acts as: the local user until accounts are enabled; then `--user` logged in with
 * STRATA_PASSWORD (as the CLI does; the renderer's login screen is still to come, ADR 0170), else
 * signed out. A login that fails stops the harness with its error.
 */
async function harnessCaller(): Promise<CallContext> {
  const password = process.env['STRATA_PASSWORD'];
  const local = localUserCaller(workstation, user);
  if (!workstation.accountsEnabled || values.user === undefined || password === undefined) return local;
  const signedOut = headlessDispatcher(workstation, 'harness', STRATA_VERSION, local, onInternalError);
  const login = await signedOut('session.login', { name: values.user, password });
  if (!login.ok) throw new Error(`login as ${values.user} failed: ${login.error.code}`);
  return login.value as CallContext;
}

const dispatch = headlessDispatcher(
  workstation,
  'harness',
  STRATA_VERSION,
  await harnessCaller(),
  onInternalError,
);
const harness = await startHarness({
  dispatch,
  resolveFile: (p) => workstation.resolveFile(p),
  tileOrigins: () => workstation.tileOrigins(),
  events: (listener) => workstation.onEvent(listener),
  rendererDir: path.join(here, '..', 'renderer'),
  port: Number(values.port ?? 0),
});
console.log(`Strata harness (data: ${home})`);
console.log(`Open in a browser: ${harness.url}`);
console.log(`STRATA_HARNESS_URL=${harness.url}`);

const stop = (): void => {
  void harness
    .close()
    .then(() => workstation.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
