import { createWriteStream } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { StrataError } from '../../api/errors.js';
import { drawLayout } from '../../core/layout/index.js';
import type { ProductWriter } from '../../core/ports/index.js';
import type { ProductFonts } from './fonts.js';
import { BOLD_FONT, PT_PER_MM, REGULAR_FONT, pdfPort } from './pdf-port.js';

/**
 * The PDF writer (ADR 0179): pdfkit, vector linework and text, the CJK font embedded as a subset,
 * CMYK kept. The fonts are read once per writer (17 MB each) and handed to every document.
 */
export function createPdfWriter(fonts: ProductFonts): ProductWriter {
  let loaded: Promise<[Buffer, Buffer]> | null = null;
  const fontBytes = (): Promise<[Buffer, Buffer]> =>
    (loaded ??= Promise.all([readFile(fonts.regular), readFile(fonts.bold)]).catch((error: unknown) => {
      loaded = null;
      throw error;
    }));
  return {
    async writePdf(layout, product, file, options = {}) {
      const cancelled = (): boolean => options.signal?.aborted === true;
      if (cancelled()) throw new StrataError('CANCELLED');
      options.onProgress?.(0, 1);
      const [regular, bold] = await fontBytes();
      const doc = new PDFDocument({
        size: [layout.width * PT_PER_MM, layout.height * PT_PER_MM],
        margin: 0,
        compress: true,
        info: { Title: product.title, Producer: 'Strata', Creator: 'Strata', Subject: product.marking ?? '' },
      });
      doc.registerFont(REGULAR_FONT, regular);
      doc.registerFont(BOLD_FONT, bold);
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${String(process.pid)}.tmp`);
      const out = createWriteStream(temp, { flags: 'wx' });
      const written = new Promise<void>((resolve, reject) => {
        out.on('finish', resolve);
        out.on('error', reject);
      });
      doc.pipe(out);
      try {
        drawLayout(layout, product, pdfPort(doc));
        doc.end();
        await written;
        if (cancelled()) throw new StrataError('CANCELLED');
        const handle = await open(temp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      } catch (error) {
        out.destroy();
        await rm(temp, { force: true });
        throw error;
      }
      options.onProgress?.(1, 1);
      return { file, bytes: out.bytesWritten };
    },
  };
}
