/** Why a vector file could not be used: the node adapter maps these to StrataError codes. */
export type FormatProblemKind = 'corrupt' | 'too-large' | 'unsupported';

/**
 * Raised by the pure format loaders (vector and TIFF). `problem` is a short English phrase about the structure
 * (record numbers, sizes, member names; never attribute values or coordinates). The adapter adds
 * the file's base name.
 */
export class FormatError extends Error {
  readonly kind: FormatProblemKind;
  readonly problem: string;
  /** Numbers the problem's message names, when `problem` is a message key (sizes, limits). */
  readonly params: Readonly<Record<string, string | number>>;
  constructor(
    kind: FormatProblemKind,
    problem: string,
    params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${kind}: ${problem}`);
    this.name = 'FormatError';
    this.kind = kind;
    this.problem = problem;
    this.params = params;
  }
}

export const corrupt = (problem: string): FormatError => new FormatError('corrupt', problem);
export const tooLarge = (problem: string, params?: Readonly<Record<string, string | number>>): FormatError =>
  new FormatError('too-large', problem, params);
export const unsupported = (problem: string): FormatError => new FormatError('unsupported', problem);
