import { z } from 'zod';
import { crsFromCode } from '../crs/index.js';

/**
 * A rule parameter that names a file on the workstation (ADR 0164): the profile document gives
 * `file` (an absolute path) and the `crs` its coordinates are in; core never reads files, so the
 * host's profile loader reads each such file before the profile loads and adds what it read
 * (`polygons`). A reference the host did not resolve has no `polygons` and fails the rule's
 * schema: a profile whose file was not read does not load.
 */
export interface LocalFileParam {
  /** The rule parameter holding a list of file references. */
  readonly param: string;
  /** What the host reads from each file. */
  readonly content: 'polygons';
}

const ring = z.array(z.tuple([z.number(), z.number()])).min(4);

/** A polygons file as the host resolved it: its rings of [x, y] in `crs`, outer ring first. */
export const polygonsFileSchema = z.strictObject({
  file: z.string().min(1).max(4096),
  crs: z.string().refine((code) => crsFromCode(code) !== null, { message: 'unknown CRS code' }),
  polygons: z.array(z.array(ring).min(1)),
});

export type PolygonsFile = z.infer<typeof polygonsFileSchema>;
