import { StrataError } from '../api/errors.js';
import type { SheetView } from '../api/types.js';
import { SheetProblem, sheetAt, sheetFromCode } from '../core/maps/index.js';

/** `maps.sheet`: a sheet by its GB/T 13989 number, or the sheet of `scale` holding the point `at`. */
export function sheetService(
  args: { readonly code: string } | { readonly at: readonly [number, number]; readonly scale: number },
): Promise<SheetView> {
  try {
    return Promise.resolve(
      'code' in args ? sheetFromCode(args.code) : sheetAt(args.at[0], args.at[1], args.scale),
    );
  } catch (err) {
    if (err instanceof SheetProblem)
      return Promise.reject(new StrataError('INVALID_ARGUMENT', { detail: err.detail, ...err.params }));
    throw err;
  }
}
