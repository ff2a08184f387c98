import '../hosting/threadpool.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
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
const dispatch = headlessDispatcher(
  workstation,
  'harness',
  STRATA_VERSION,
  localUserCaller(workstation, user),
  (method, error, ref) => {
    console.error(internalErrorReport(method, error, ref));
  },
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
