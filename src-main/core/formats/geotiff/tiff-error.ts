/** Why a TIFF could not be used: the node adapter maps these to StrataError codes. */
export type TiffProblemKind = 'corrupt' | 'too-large' | 'unsupported';

/**
 * Raised by the pure TIFF code. `problem` is a short English phrase about the structure (tag
 * names and numbers only, never pixel values or coordinates); the adapter adds the file name.
 */
export class TiffError extends Error {
  readonly kind: TiffProblemKind;
  readonly problem: string;
  constructor(kind: TiffProblemKind, problem: string) {
    super(`${kind}: ${problem}`);
    this.name = 'TiffError';
    this.kind = kind;
    this.problem = problem;
  }
}

export const corrupt = (problem: string): TiffError => new TiffError('corrupt', problem);
export const tooLarge = (problem: string): TiffError => new TiffError('too-large', problem);
export const unsupported = (problem: string): TiffError => new TiffError('unsupported', problem);
