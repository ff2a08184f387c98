import { z } from 'zod';
import { HIDDEN_PARTS, type Finding, type HiddenPart, type SubjectText } from '../../model/index.js';
import { namesLocalPlace } from '../local-paths.js';
import { defineRule } from '../rule.js';

const ID = 'hidden-content';
const VERSION = 1;

/** Parts whose content is data that was deleted or left behind, not a description someone wrote. */
const RESIDUE_PARTS: ReadonlySet<HiddenPart> = new Set([
  'unreferenced-bytes',
  'dbf.deleted-record',
  'sqlite.free-space',
]);

/** Names a location lists before "…". */
const SHOWN_NAMES = 5;

const nameList = (items: readonly SubjectText[]): string => {
  const names = [...new Set(items.map((t) => t.name ?? ''))].filter((n) => n !== '');
  return names.length > SHOWN_NAMES ? `${names.slice(0, SHOWN_NAMES).join(', ')}, …` : names.join(', ');
};

/** A TIFF HostComputer tag is a host name by definition. */
const isHostTag = (t: SubjectText): boolean =>
  t.part === 'tiff.tag' && (t.name ?? '').startsWith('HostComputer');

/**
 * Hidden content (DOMAIN.md "What a secrecy review checks"; ADR 0162) over the subject's hidden
 * inventory: one finding per part with text (at least `minLength` characters), located by part and
 * the names of its items, action 'strip-hidden'. Deleted records, free pages and unreferenced bytes
 * are blocking (data someone meant to be gone); descriptive tags, XMP, GDAL metadata, sidecars,
 * GeoPackage metadata and what a KML reader drops are warnings (a reviewer reads them). A part
 * whose text names a local path or intranet host is besides blocking, once per part.
 */
export const hiddenContentRule = defineRule({
  id: ID,
  version: VERSION,
  params: z.strictObject({
    /** The hidden parts this profile flags. */
    parts: z.array(z.enum(HIDDEN_PARTS)).min(1),
    /** Texts shorter than this (characters, trimmed) are not flagged. */
    minLength: z.number().int().min(1).max(10_000),
    /** Whether local paths and intranet host names in hidden texts are flagged (blocking). */
    localPaths: z.boolean(),
  }),
  check(subject, params): readonly Finding[] {
    const flagged = new Set<string>(params.parts);
    const byPart = new Map<HiddenPart, SubjectText[]>();
    for (const t of subject.hidden) {
      if (!flagged.has(t.part) || t.text.trim().length < params.minLength) continue;
      const part = t.part as HiddenPart;
      byPart.set(part, [...(byPart.get(part) ?? []), t]);
    }
    const findings: Finding[] = [];
    for (const [part, items] of byPart) {
      const residue = RESIDUE_PARTS.has(part);
      findings.push({
        ruleId: ID,
        ruleVersion: VERSION,
        severity: residue ? 'blocking' : 'warning',
        messageKey: residue ? 'finding.hiddenResidue' : 'finding.hiddenContent',
        params: { count: items.length },
        where: { part, name: nameList(items) },
        action: 'strip-hidden',
      });
      const local = params.localPaths ? items.filter((t) => isHostTag(t) || namesLocalPlace(t.text)) : [];
      if (local.length > 0)
        findings.push({
          ruleId: ID,
          ruleVersion: VERSION,
          severity: 'blocking',
          messageKey: 'finding.hiddenLocalPath',
          params: { count: local.length },
          where: { part, name: nameList(local) },
          action: 'strip-hidden',
        });
    }
    return findings;
  },
});
