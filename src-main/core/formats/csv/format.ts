import type { FormatModule } from '../format-module.js';
import { readCsv } from './read.js';

/** Bytes read per step: the file is never in memory whole, only its rows (ADR 0148). */
const CHUNK_BYTES = 1024 * 1024;
export const CSV_MAX_BYTES = 512 * 1024 * 1024;

/** Text without NUL bytes: what a CSV's head must be (a binary file named .csv is not one). */
const isText = (head: Uint8Array): boolean => head.length > 0 && !head.includes(0);

/**
 * Comma-separated tables of points. A CSV has no magic number, so it is claimed by name only
 * (.csv, .txt is not), and only when its head is text; every other module's content claim wins.
 */
export const csvFormat: FormatModule = {
  id: 'CSV',
  kind: 'vector',
  extensions: ['csv'],
  label: { 'zh-CN': 'CSV 点表', en: 'CSV points table' },
  detect: ({ name, head }) => (/\.csv$/i.test(name) && isText(head) ? 'name' : null),
  async open(input, options) {
    return [readCsv(await input.pullChunks(CHUNK_BYTES, CSV_MAX_BYTES, 'CSV'), options)];
  },
};
