import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../api/messages.js';

/**
 * The data directory Electron would use (`app.getPath('userData')` for productName "Strata"), so
 * the CLI and the app share one catalogue unless told otherwise.
 */
export function defaultHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32')
    return path.join(env['APPDATA'] ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Strata');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Strata');
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(os.homedir(), '.config'), 'Strata');
}

/**
 * The `resources/` folder for a bundle built into `dist/<part>/` (harness, CLI, benchmarks): the
 * one beside `dist/`, in the repository or the installed app alike.
 */
export const resourcesBeside = (bundleUrl: string): string =>
  path.join(path.dirname(fileURLToPath(bundleUrl)), '..', '..', 'resources');

/** The local OS user (or `STRATA_USER`): who every call of a single-user host acts as. */
export function currentUser(env: NodeJS.ProcessEnv = process.env): string {
  return env['STRATA_USER'] ?? os.userInfo().username;
}

/** zh-CN unless the environment asks for something else explicitly. */
export function languageFrom(value: string | undefined): Lang {
  if (!value) return 'zh-CN';
  return value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
