import { createRequire } from 'node:module';
import path from 'node:path';

/** The CJK fonts a product embeds (subset): Source Han Sans SC (思源黑体), OTF, SIL OFL 1.1. */
export interface ProductFonts {
  readonly regular: string;
  readonly bold: string;
}

const REGULAR = 'SourceHanSansSC-Regular.otf';
const BOLD = 'SourceHanSansSC-Bold.otf';

/**
 * The fonts in `dir` (the installed app's `resources/fonts`, copied there by electron-builder's
 * extraResources), or, without one, in the `node-source-han-sans-sc` package the CLI, the harness
 * and the tests run beside. Shipped with the app: nothing is fetched.
 */
export function productFonts(dir?: string): ProductFonts {
  const from =
    dir ?? path.dirname(createRequire(import.meta.url).resolve('node-source-han-sans-sc/package.json'));
  return { regular: path.join(from, REGULAR), bold: path.join(from, BOLD) };
}
