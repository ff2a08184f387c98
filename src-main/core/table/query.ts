import type { AttributeValue, FieldInfo } from '../model/index.js';
import { compareValues, valueText } from './values.js';

export const FILTER_OPERATORS = ['=', '<>', '<', '<=', '>', '>=', 'contains', 'isNull', 'notNull'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface TableSort {
  readonly field: string;
  readonly order: 'asc' | 'desc';
}

/** One field compared with one value, as `ogrinfo -where "field op value"` does (null matches only isNull). */
export interface TableFilter {
  readonly field: string;
  readonly op: FilterOperator;
  /** Ignored by isNull/notNull; read as a number for a numeric field. */
  readonly value?: string | undefined;
}

/** Which rows, in which order: a sort, a field filter and a text search over every field, each optional. */
export interface TableQuery {
  readonly sort?: TableSort | undefined;
  readonly filter?: TableFilter | undefined;
  /** Rows where some field's text contains this (case-insensitively). */
  readonly search?: string | undefined;
  /** Only these feature positions (0-based), e.g. the features a review finding names. */
  readonly fids?: readonly number[] | undefined;
}

/** Why a query cannot be run, as the `detail.*` message the service puts in INVALID_ARGUMENT. */
export type QueryProblem =
  | { readonly detail: 'detail.tableUnknownField'; readonly field: string }
  | { readonly detail: 'detail.tableNotNumber'; readonly field: string; readonly value: string };

type Row = Readonly<Record<string, AttributeValue>>;
type Test = (row: Row) => boolean;

function operand(field: FieldInfo, filter: TableFilter): AttributeValue | QueryProblem {
  const text = filter.value ?? '';
  if (field.type !== 'number') return text;
  const n = Number(text.trim());
  return text.trim() === '' || !Number.isFinite(n)
    ? { detail: 'detail.tableNotNumber', field: field.name, value: text }
    : n;
}

function fieldTest(field: FieldInfo, filter: TableFilter): Test | QueryProblem {
  const name = field.name;
  if (filter.op === 'isNull') return (row) => (row[name] ?? null) === null;
  if (filter.op === 'notNull') return (row) => (row[name] ?? null) !== null;
  if (filter.op === 'contains') {
    const needle = (filter.value ?? '').toLowerCase();
    return (row) => {
      const v = row[name] ?? null;
      return v !== null && valueText(v).toLowerCase().includes(needle);
    };
  }
  const value = operand(field, filter);
  if (value !== null && typeof value === 'object') return value;
  const holds: Record<'=' | '<>' | '<' | '<=' | '>' | '>=', (c: number) => boolean> = {
    '=': (c) => c === 0,
    '<>': (c) => c !== 0,
    '<': (c) => c < 0,
    '<=': (c) => c <= 0,
    '>': (c) => c > 0,
    '>=': (c) => c >= 0,
  };
  const test = holds[filter.op];
  return (row) => {
    const v = row[name] ?? null;
    return v !== null && test(compareValues(v, value));
  };
}

/** The row test a query's filter and search make together; null when every row passes. */
export function rowTest(fields: readonly FieldInfo[], query: TableQuery): Test | null | QueryProblem {
  const tests: Test[] = [];
  if (query.filter) {
    const field = fields.find((f) => f.name === query.filter?.field);
    if (!field) return { detail: 'detail.tableUnknownField', field: query.filter.field };
    const test = fieldTest(field, query.filter);
    if (typeof test !== 'function') return test;
    tests.push(test);
  }
  const search = query.search?.trim().toLowerCase() ?? '';
  if (search !== '') {
    const names = fields.map((f) => f.name);
    tests.push((row) =>
      names.some((n) => {
        const v = row[n] ?? null;
        return v !== null && valueText(v).toLowerCase().includes(search);
      }),
    );
  }
  if (tests.length === 0) return null;
  return (row) => tests.every((t) => t(row));
}
