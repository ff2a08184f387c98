import { z } from 'zod';

/** A rule profile as the secrecy office configures it. Distances in metres. */
export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  version: z.number().int().min(1),
  name: z.string().min(1).max(200),
  settings: z.object({
    positionPrecisionMetres: z.number().positive().max(100_000),
    demGridMetres: z.number().positive().max(100_000),
    imageryResolutionMetres: z.number().positive().max(100_000),
  }),
  rules: z.array(z.string()).min(1),
});

export type ReviewProfile = z.infer<typeof profileSchema>;

/** Validates an untrusted profile document; returns the problems instead of throwing. */
export function parseProfile(doc: unknown): { profile: ReviewProfile } | { problems: string[] } {
  const parsed = profileSchema.safeParse(doc);
  if (parsed.success) return { profile: parsed.data };
  return { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}
