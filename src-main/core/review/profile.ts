import { z } from 'zod';
import type { Finding } from '../model/index.js';
import type { ReviewRule, ReviewSubject } from './rule.js';
import { RULES } from './rules/index.js';

/**
 * A rule profile as the secrecy office writes it (ADR 0160): which rules run, each with its own
 * parameters (`rules` maps a rule id to them; JSON keeps the order, and the rules run in it).
 */
const documentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  version: z.number().int().min(1),
  name: z.string().min(1).max(200),
  rules: z.record(z.string(), z.unknown()).refine((rules) => Object.keys(rules).length > 0, {
    message: 'a profile enables at least one rule',
  }),
});

/** A rule of a loaded profile, bound to its validated parameters. */
export interface ActiveRule {
  readonly id: string;
  readonly version: number;
  check(subject: ReviewSubject): readonly Finding[];
}

/** A profile that loaded in full: every rule known, every parameter valid. */
export interface ReviewProfile {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  /** SHA-256 (hex) of the profile document as loaded: a report names exactly what judged it. */
  readonly sha256: string;
  readonly rules: readonly ActiveRule[];
  /** The validated parameters of `rule` in this profile, or null when the profile does not enable it. */
  paramsOf<P>(rule: ReviewRule<P>): P | null;
}

const byId: ReadonlyMap<string, ReviewRule> = new Map(RULES.map((rule) => [rule.id, rule]));

const issues = (prefix: string, error: z.ZodError): string[] =>
  error.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.')}: ${i.message}`);

/**
 * Loads an untrusted profile document whose bytes hash to `sha256`. It loads in full or not at
 * all: an unknown rule or a parameter its rule's schema refuses is a problem, never a rule skipped
 * (a profile that cannot be applied in full must not pass anything). Returns the problems, each
 * naming the rule and field, instead of throwing.
 */
export function parseProfile(
  doc: unknown,
  sha256: string,
): { profile: ReviewProfile } | { problems: string[] } {
  const parsed = documentSchema.safeParse(doc);
  if (!parsed.success) return { problems: issues('', parsed.error) };
  const problems: string[] = [];
  const bound: { rule: ReviewRule; value: unknown }[] = [];
  for (const [id, given] of Object.entries(parsed.data.rules)) {
    const rule = byId.get(id);
    if (!rule) {
      problems.push(`rules.${id}: unknown rule`);
      continue;
    }
    const checked = rule.params.safeParse(given);
    if (checked.success) bound.push({ rule, value: checked.data });
    else problems.push(...issues(`rules.${id}`, checked.error));
  }
  if (problems.length > 0) return { problems };
  const { id, version, name } = parsed.data;
  return {
    profile: {
      id,
      version,
      name,
      sha256,
      rules: bound.map(({ rule, value }) => ({
        id: rule.id,
        version: rule.version,
        check: (subject: ReviewSubject) => rule.check(subject, value),
      })),
      // The value was parsed by this very rule's schema, so it has the rule's parameter type.
      paramsOf: <P>(wanted: ReviewRule<P>): P | null =>
        (bound.find(({ rule }) => rule === wanted)?.value as P | undefined) ?? null,
    },
  };
}
