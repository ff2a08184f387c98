// `npm start`: runs the built app with the Electron binary from node_modules/electron.
// Electron's package fetches its binary in a postinstall step, which air-gapped sites skip
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or which fails offline; run later, that download would hang or
// print a stack trace. So: use the binary if present, try the installer only when it can succeed
// offline (an intranet mirror is configured or the zip is already in the cache) and with a time
// limit, and otherwise say in one line what to do.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const electronDir = path.join(root, 'node_modules', 'electron');
const env = process.env;
const installTimeoutMs = Number(env.STRATA_ELECTRON_INSTALL_TIMEOUT_MS ?? 60_000);

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// Without node_modules/electron, the version this project pins names the zip to fetch.
function electronVersion() {
  try {
    return readJson(path.join(electronDir, 'package.json')).version;
  } catch {
    return readJson(path.join(root, 'package.json')).devDependencies?.electron ?? '<version>';
  }
}

const version = electronVersion();
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;

function fail(message) {
  console.error(message);
  process.exit(1);
}

const missingBinary = () =>
  fail(
    `Electron binary not found: set ELECTRON_MIRROR to your intranet mirror or place ${zipName} in the Electron cache (see README "Air-gapped install"), or run "npm run dev" for the browser UI.`,
  );

function executableName() {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** The binary node_modules/electron would run, or null when it is not there. */
function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  if (relative === null && !env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const binary = path.join(dist, relative ?? executableName());
  return existsSync(binary) ? binary : null;
}

function defaultCacheRoot() {
  if (process.platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'electron');
  return path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'electron');
}

const cacheRoot = () => env.electron_config_cache ?? defaultCacheRoot();

// @electron/get looks for <cache>/<sha256 of the release folder URL>/<zip>. People copy the zip into
// the cache folder itself (README "Air-gapped install"), so stage it where the installer looks.
function stageZipFromCacheRoot() {
  const loose = path.join(cacheRoot(), zipName);
  if (!existsSync(loose)) return;
  const folderUrl = `https://github.com/electron/electron/releases/download/v${version}`;
  const staged = path.join(cacheRoot(), createHash('sha256').update(folderUrl).digest('hex'), zipName);
  if (existsSync(staged)) return;
  try {
    mkdirSync(path.dirname(staged), { recursive: true });
    copyFileSync(loose, staged);
  } catch {
    // Unwritable cache: the installer then reports the binary missing, and so do we.
  }
}

function zipInCache() {
  let entries;
  try {
    entries = readdirSync(cacheRoot(), { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some(
    (entry) =>
      (entry.isFile() && entry.name === zipName) ||
      (entry.isDirectory() && existsSync(path.join(cacheRoot(), entry.name, zipName))),
  );
}

const mirrorConfigured = () =>
  Boolean(
    env.ELECTRON_MIRROR ||
    env.npm_config_electron_mirror ||
    env.NPM_CONFIG_ELECTRON_MIRROR ||
    env.npm_package_config_electron_mirror,
  );

function tryInstall() {
  if (!existsSync(path.join(electronDir, 'install.js'))) return false;
  if (!mirrorConfigured() && !zipInCache()) return false;
  stageZipFromCacheRoot();
  console.log(
    `Installing Electron ${version} from ${mirrorConfigured() ? 'the configured mirror' : 'the local cache'}...`,
  );
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: installTimeoutMs,
    killSignal: 'SIGKILL',
    env,
  });
  return result.status === 0;
}

function resolveBinary() {
  if (env.STRATA_ELECTRON_PATH) return existsSync(env.STRATA_ELECTRON_PATH) ? env.STRATA_ELECTRON_PATH : null;
  return installedBinary() ?? (tryInstall() ? installedBinary() : null);
}

const binary = resolveBinary();
if (binary === null) missingBinary();

const mainEntry = readJson(path.join(root, 'package.json')).main;
if (!existsSync(path.join(root, mainEntry)))
  fail(`Build output ${mainEntry} not found: run "npm run build" first.`);

const childEnv = { ...env };
// A leftover ELECTRON_RUN_AS_NODE would run the app as plain Node instead of Electron.
delete childEnv.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: childEnv });
child.on('error', (error) => fail(`Electron could not start (${error.code ?? error.message}): ${binary}`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
