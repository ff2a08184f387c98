import type { MessageParams, ParamsOf } from './messages.js';

/** Stable error codes crossing the contract. The UI and CLI render them as `error.<code>` (messages.ts). */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'FILE_NOT_FOUND',
  'UNSUPPORTED_FORMAT',
  'CORRUPT_FILE',
  'TOO_LARGE',
  'PARSE_TIMEOUT',
  'CRS_UNKNOWN',
  'CONFLICT',
  'EXPORT_REFUSED',
  'RELEASE_REFUSED',
  'VERIFY_FAILED',
  'UNSUPPORTED_BY_HOST',
  'CANCELLED',
  'READ_ONLY',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = MessageParams;

/** The params an error code's message needs (its placeholders), plus any a nested problem needs. */
export type ErrorParamsOf<C extends ErrorCode> = ParamsOf<`error.${C}`>;

/**
 * Error payload of the contract: a code and its params, never text. Each host renders it in its
 * own language (the UI through i18next, the CLI by `--lang`), so no host needs the caller's language.
 */
export interface ApiErrorBody {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
}

/**
 * Thrown by services; the dispatcher turns it into `{ok:false, error}`. `params` may name files
 * (base names) and numbers, never attribute values or coordinates.
 */
export class StrataError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams;
  constructor(
    code: C,
    ...[params, detail]: Record<string, never> extends ErrorParamsOf<C>
      ? [params?: ErrorParams, detail?: string]
      : [params: ErrorParamsOf<C>, detail?: string]
  ) {
    super(detail ?? code);
    this.name = 'StrataError';
    this.code = code;
    this.params = params ?? {};
  }
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorBody };
