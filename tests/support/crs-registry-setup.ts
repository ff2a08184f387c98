// Vitest setup file: every test file's process gets the bundled EPSG table, as each host installs
// it at start (ADR 0068), from the committed resource.
import path from 'node:path';
import { installBundledCrs } from '../../src-main/node/crs/index.js';
import { ROOT } from './samples.js';

await installBundledCrs(path.join(ROOT, 'resources'));
