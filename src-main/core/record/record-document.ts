import type { RecordFieldsRow } from '../ports/index.js';

/** A record as a metadata document carries it: the dataset it describes and every field. */
export interface RecordDocument {
  /** The dataset id (ISO 19139 `gmd:fileIdentifier`). */
  readonly identifier: string;
  readonly fields: RecordFieldsRow;
}

/** The date stamp of the version exported (ISO 19139 `gmd:dateStamp`), ISO 8601. */
export interface ExportedRecord extends RecordDocument {
  readonly version: number;
  readonly createdAt: string;
}

/** Why a metadata document cannot be read: a message key and what it names. */
export interface DocumentProblem {
  readonly reason: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const isDocumentProblem = (value: RecordDocument | DocumentProblem): value is DocumentProblem =>
  'reason' in value;
