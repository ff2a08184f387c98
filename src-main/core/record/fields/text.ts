import type { FieldMessage, RecordField } from '../field.js';

/**
 * A free-text field of at most `max` characters: 摘要, 数据来源, 档号, 形成单位, 资料类别. Blank
 * is allowed (the field is optional or may stay empty until a later step asks for it).
 */
function textField(id: string, type: 'text' | 'longText', max: number): RecordField<string> {
  return {
    id,
    labelKey: `record.field.${id}`,
    type,
    required: false,
    validate: (value): FieldMessage[] =>
      Array.from(value ?? '').length > max
        ? [{ field: id, severity: 'blocking', key: 'record.error.tooLong', params: { max } }]
        : [],
  };
}

export const abstractField = textField('abstract', 'longText', 20_000);
/** 数据来源: required before a public version is exported (the marking rule says so), not here. */
export const attributionField = textField('attribution', 'text', 2000);
/** 档号 (DA/T 23 archive number). */
export const archiveNumberField = textField('archiveNumber', 'text', 100);
/** 形成单位 (the producing unit). */
export const unitField = textField('unit', 'text', 500);
/** 资料类别 (a project list, not an official code list; ADR 0180). */
export const categoryField = textField('category', 'text', 200);
