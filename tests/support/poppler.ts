import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';

// poppler-utils is the independent reader of the PDFs a map product writes (ADR 0179).
const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

/** `pdftotext -layout FILE -`: the text of every page. */
export async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-layout', file, '-'], { maxBuffer: MAX_BUFFER })).stdout;
}

/** One row of `pdffonts`: name, type, embedded, subset. */
export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
}

export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name type... encoding emb sub uni object ID: the flags are the 4th–6th fields from the end.
      const fields = line.trim().split(/\s+/);
      const flag = (fromEnd: number): boolean => fields[fields.length - fromEnd] === 'yes';
      return {
        name: fields[0] ?? '',
        type: fields.slice(1, -6).join(' '),
        embedded: flag(5),
        subset: flag(4),
      };
    });
}

/** `pdfinfo`'s fields (Page size: "1190.55 x 841.89 pts (A3)", Pages: "1" ...). */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .flatMap((m) => (m?.[1] === undefined ? [] : [[m[1], m[2] ?? ''] as const])),
  );
}

/** A page rendered by pdftoppm: RGB pixels, row-major from the top-left. */
export interface Rendered {
  readonly width: number;
  readonly height: number;
  /** The pixel at page millimetres (x, y) from the top-left corner. */
  atMm(x: number, y: number): [number, number, number];
}

/** `pdftoppm -r DPI -aaVector no` of the first page, read from its PPM (P6). */
export async function renderPage(file: string, dpi: number, base: string): Promise<Rendered> {
  await run('pdftoppm', ['-r', String(dpi), '-aaVector', 'no', '-singlefile', '-f', '1', file, base], {
    maxBuffer: MAX_BUFFER,
  });
  const bytes = await readFile(`${base}.ppm`);
  await rm(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (header?.[1] === undefined || header[2] === undefined) throw new Error('not a P6 PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  const pxPerMm = dpi / 25.4;
  return {
    width,
    height,
    atMm(x, y) {
      const col = Math.floor(x * pxPerMm);
      const row = Math.floor(y * pxPerMm);
      const i = offset + (row * width + col) * 3;
      return [bytes[i] ?? -1, bytes[i + 1] ?? -1, bytes[i + 2] ?? -1];
    },
  };
}
