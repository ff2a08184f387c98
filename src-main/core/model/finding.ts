/** `blocking` findings stop a public release / export; `warning` needs a reviewer's look. */
export type Severity = 'blocking' | 'warning' | 'info';

/**
 * Message keys review checks report with; hosts render them from src-main/api/messages.ts, which
 * the type checker holds to this list. A new rule adds its keys here and there.
 */
export type FindingMessageKey =
  'finding.positionPrecision' | 'finding.demResolution' | 'finding.imageryResolution' | 'finding.noCrs';

/** One result of one review check on one dataset. Messages are i18n keys + params, never data values. */
export interface Finding {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly severity: Severity;
  /** i18n message key (see api/messages) and its parameters (numbers and short labels only). */
  readonly messageKey: FindingMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  /** Where: a layer/field/band name, or 'dataset'. */
  readonly where: string;
  /** Suggested public-version action id (e.g. 'degrade-coordinates', 'resample-block-average'). */
  readonly action: string | null;
}
