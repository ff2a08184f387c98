import '../hosting/threadpool.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { STRATA_VERSION } from '../hosting/version.js';
import { SIGNED_OUT, localCaller, type CallContext } from '../api/caller.js';
import { headlessContextDispatcher } from '../hosting/system-handlers.js';
import { createSessionGate } from '../hosting/session-gate.js';
import { createSessionTable } from '../hosting/sessions.js';
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
const dispatch = headlessContextDispatcher(workstation, 'harness', STRATA_VERSION, (method, error, ref) => {
  console.error(internalErrorReport(method, error, ref));
});

/**
 * With accounts, `--user` logged in with STRATA_PASSWORD at start (as the CLI does) is who calls
 * without a session of their own: the e2e scenarios' signing team and `npm run dev` skip the login
 * screen that way (ADR 0175). A login that fails stops the harness with its error.
 */
async function startedAs(): Promise<CallContext | null> {
  const password = process.env['STRATA_PASSWORD'];
  if (!workstation.accountsEnabled || values.user === undefined || password === undefined) return null;
  const login = await dispatch('session.login', { name: values.user, password }, SIGNED_OUT);
  if (!login.ok) throw new Error(`login as ${values.user} failed: ${login.error.code}`);
  return login.value as CallContext;
}

const withoutSession = await startedAs();
// Without accounts every call is the local user's; with them, each comes from its login session.
const gate = createSessionGate({
  dispatch,
  workstation,
  sessions: createSessionTable({ now: Date.now }),
  localUser: localCaller(user),
  ...(withoutSession === null ? {} : { withoutSession }),
});
const harness = await startHarness({
  gate,
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
