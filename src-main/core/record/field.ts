/** One entry of the record field registry (ADR 0180). Pure: no node imports. */
export type FieldType = 'text' | 'longText' | 'date' | 'year' | 'code' | 'quantity' | 'keywords' | 'bbox';

export type Severity = 'blocking' | 'warning' | 'info';

/** A validation message by key; the UI and the main process translate the key. */
export interface FieldMessage {
  readonly field: string;
  readonly severity: Severity;
  readonly key: string;
  /** Values the message names (a length limit). */
  readonly params?: Readonly<Record<string, number>>;
}

export interface RecordField<V> {
  readonly id: string;
  readonly labelKey: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly validate: (value: V | undefined) => readonly FieldMessage[];
}
