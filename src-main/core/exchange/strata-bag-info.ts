import type { BagInfoEntry } from './bag-info.js';

/**
 * `bag-info.txt` labels. The first five are RFC 8493 reserved labels; the `Strata-*` labels are
 * ours (RFC 8493 allows any other label). Order here is the order written.
 */
export const BAG_INFO_LABELS = {
  sourceOrganization: 'Source-Organization',
  baggingDate: 'Bagging-Date',
  externalIdentifier: 'External-Identifier',
  payloadOxum: 'Payload-Oxum',
  bagSoftwareAgent: 'Bag-Software-Agent',
  releaseLevel: 'Strata-Release-Level',
  reviewId: 'Strata-Review-Id',
  reviewer: 'Strata-Reviewer',
  approvalDate: 'Strata-Approval-Date',
  auditHead: 'Strata-Audit-Head',
  auditSeq: 'Strata-Audit-Seq',
  versionHead: 'Strata-Version-Head',
  versionSeq: 'Strata-Version-Seq',
  signerFingerprint: 'Strata-Signer-Fingerprint',
} as const;

/** Labels the bag writer computes itself; a caller may not supply them. */
export const WRITER_LABELS: readonly string[] = [
  BAG_INFO_LABELS.payloadOxum,
  BAG_INFO_LABELS.bagSoftwareAgent,
  BAG_INFO_LABELS.signerFingerprint,
];

/** What an export records about the release it packages (DOMAIN.md "The exchange package"). */
export interface StrataBagInfoInput {
  readonly sourceOrganization: string;
  /** `YYYY-MM-DD` (RFC 8493), the local date of bagging. */
  readonly baggingDate: string;
  /** 档号 of the public version. */
  readonly externalIdentifier: string;
  readonly reviewId: string;
  readonly reviewer: string;
  /** `YYYY-MM-DD` of the approval by the second user. */
  readonly approvalDate: string;
  /** Hex hash of the audit-chain head at export; the tag-manifest signature covers it. */
  readonly auditHead: string;
}

/** The caller part of `bag-info.txt` for a release; the level is always 公开 (nothing else leaves). */
export function strataBagInfo(input: StrataBagInfoInput): Record<string, string> {
  return {
    [BAG_INFO_LABELS.sourceOrganization]: input.sourceOrganization,
    [BAG_INFO_LABELS.baggingDate]: input.baggingDate,
    [BAG_INFO_LABELS.externalIdentifier]: input.externalIdentifier,
    [BAG_INFO_LABELS.releaseLevel]: '公开',
    [BAG_INFO_LABELS.reviewId]: input.reviewId,
    [BAG_INFO_LABELS.reviewer]: input.reviewer,
    [BAG_INFO_LABELS.approvalDate]: input.approvalDate,
    [BAG_INFO_LABELS.auditHead]: input.auditHead,
  };
}

/**
 * The full element list: caller elements in their order (Bagging-Date defaulted to `today` when
 * absent), then the writer's Payload-Oxum, Bag-Software-Agent and signer fingerprint.
 */
export function bagInfoEntries(
  caller: Readonly<Record<string, string>>,
  writer: {
    readonly today: string;
    readonly payloadOxum: string;
    readonly agent: string;
    readonly signerFingerprint: string;
  },
): BagInfoEntry[] {
  const entries: BagInfoEntry[] = Object.entries(caller);
  if (!Object.hasOwn(caller, BAG_INFO_LABELS.baggingDate))
    entries.push([BAG_INFO_LABELS.baggingDate, writer.today]);
  entries.push(
    [BAG_INFO_LABELS.payloadOxum, writer.payloadOxum],
    [BAG_INFO_LABELS.bagSoftwareAgent, writer.agent],
    [BAG_INFO_LABELS.signerFingerprint, writer.signerFingerprint],
  );
  return entries;
}
