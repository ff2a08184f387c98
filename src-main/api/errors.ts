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
  'RECEIVE_REFUSED',
  'UNSUPPORTED_BY_HOST',
  'CANCELLED',
  'READ_ONLY',
  'NOT_IN_USE',
  'FORBIDDEN',
  // Four-eyes on review approvals (ADR 0174).
  'FOUR_EYES',
  // Local accounts (ADR 0170).
  'LOGIN_FAILED',
  'LOGIN_REQUIRED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'ACCOUNT_EXISTS',
  'LAST_ADMIN',
  'ACCOUNTS_NOT_ENABLED',
  'ACCOUNTS_ALREADY_ENABLED',
  'ACCOUNTS_TAMPERED',
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

class StrataErrorClass extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}, detail?: string) {
    super(detail ?? code);
    this.name = 'StrataError';
    this.code = code;
    this.params = params;
  }
}

/** The `...rest` of `new StrataError(code, ...)`: the params its message needs, then an optional detail. */
type StrataErrorRest<C extends ErrorCode> =
  Record<string, never> extends ErrorParamsOf<C>
    ? [params?: ErrorParams, detail?: string]
    : [params: ErrorParamsOf<C>, detail?: string];

/**
 * Thrown by services; the dispatcher turns it into `{ok:false, error}`. `params` may name files
 * (base names) and numbers, never attribute values or coordinates. Constructing one checks the
 * params against the code's message (a missing placeholder or an unknown problem key does not
 * compile); `instanceof` narrows to the plain shape.
 */
export type StrataError = StrataErrorClass;
export const StrataError = StrataErrorClass as {
  new <C extends ErrorCode>(code: C, ...rest: StrataErrorRest<C>): StrataError;
  readonly prototype: StrataError;
};

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorBody };
