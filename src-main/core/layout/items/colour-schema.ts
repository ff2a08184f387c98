import { z } from 'zod';
import type { Colour } from '../colour.js';

const channel = (max: number): z.ZodNumber => z.number().min(0).max(max);

/** A colour in a layout file: `{ "rgb": [r, g, b] }` (0–255) or `{ "cmyk": [c, m, y, k] }` (0–100). */
export const colourSchema: z.ZodType<Colour> = z.union([
  z.strictObject({ rgb: z.tuple([channel(255), channel(255), channel(255)]) }),
  z.strictObject({ cmyk: z.tuple([channel(100), channel(100), channel(100), channel(100)]) }),
]);
