// Before `npm test`: the suite drives Debian's Chromium and compares against GDAL. Say what is
// missing in one line instead of failing deep inside a test.
import { execFileSync } from 'node:child_process';

/** True when `tool --version` (or `flag`) runs (looked up on PATH, as playwright.config.ts finds Chromium). */
function runs(tool, flag = '--version') {
  try {
    execFileSync(tool, [flag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = [];
if (!runs(process.env.CHROMIUM_PATH ?? 'chromium')) missing.push('chromium');
if (!['gdalinfo', 'ogrinfo', 'gdalwarp'].every((t) => runs(t))) missing.push('gdal-bin');
// Map products are read back with poppler (ADR 0179).
if (!['pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm'].every((t) => runs(t, '-v')))
  missing.push('poppler-utils');
if (missing.length > 0) {
  console.error(
    `Tests need: ${missing.join(', ')} — install with: sudo apt-get install -y chromium gdal-bin fonts-noto-cjk poppler-utils (or run: bash .ci/run)`,
  );
  process.exit(1);
}
