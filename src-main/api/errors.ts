/** Stable error codes crossing the contract. The UI and CLI translate them (see messages.ts). */
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

export type ErrorParams = Readonly<Record<string, string | number>>;

/** Error payload of the contract. `message` is already translated for the caller's language. */
export interface ApiErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly params: ErrorParams;
}

/**
 * Thrown by services; the dispatcher turns it into `{ok:false, error}`. `params` may name files
 * (base names) and numbers, never attribute values or coordinates.
 */
export class StrataError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}, detail?: string) {
    super(detail ?? code);
    this.name = 'StrataError';
    this.code = code;
    this.params = params;
  }
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorBody };
