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
  constructor(kind: FormatProblemKind, problem: string) {
    super(`${kind}: ${problem}`);
    this.name = 'FormatError';
    this.kind = kind;
    this.problem = problem;
  }
}

export const corrupt = (problem: string): FormatError => new FormatError('corrupt', problem);
export const tooLarge = (problem: string): FormatError => new FormatError('too-large', problem);
export const unsupported = (problem: string): FormatError => new FormatError('unsupported', problem);
