// Before `npm test`: the suite drives Debian's Chromium and compares against GDAL. Say what is
// missing in one line instead of failing deep inside a test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const missing = [];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) missing.push('chromium');
for (const tool of ['gdalinfo', 'ogrinfo', 'gdalwarp']) {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
  } catch {
    missing.push('gdal-bin');
    break;
  }
}
if (missing.length > 0) {
  console.error(
    `Tests need: ${missing.join(', ')} — install with: sudo apt-get install -y chromium gdal-bin fonts-noto-cjk (or run: bash .ci/run)`,
  );
  process.exit(1);
}
