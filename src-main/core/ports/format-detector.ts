import type { DatasetFormat } from '../model/index.js';

/** A file's format judged by its content (its head); null when it is none we read. */
export type FormatDetector = (path: string) => Promise<DatasetFormat | null>;
