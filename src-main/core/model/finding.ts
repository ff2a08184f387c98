/** `blocking` findings stop a public release / export; `warning` needs a reviewer's look. */
export type Severity = 'blocking' | 'warning' | 'info';

/**
 * Message keys review checks report with; hosts render them from src-main/api/messages.ts, which
 * the type checker holds to this list. A new rule adds its keys here and there.
 */
export type FindingMessageKey =
  | 'finding.positionPrecision'
  | 'finding.demResolution'
  | 'finding.imageryResolution'
  | 'finding.noCrs'
  | 'finding.statedPrecision'
  | 'finding.statedScale'
  | 'finding.contourIntervalSecret'
  | 'finding.contourIntervalPublic'
  | 'finding.coverageArea'
  | 'finding.restrictedZoneFeatures'
  | 'finding.restrictedZoneRaster'
  | 'finding.restrictedZoneNoCrs';

/** One result of one review check on one dataset. Messages are i18n keys + params, never data values. */
export interface Finding {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly severity: Severity;
  /** i18n message key (see api/messages) and its parameters (numbers and short labels only). */
  readonly messageKey: FindingMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  /** Where, as precisely as the rule can say; `{}` is the whole dataset. */
  readonly where: FindingLocation;
  /** What a public version does about it; null when nothing can (the finding must be resolved first). */
  readonly action: FindingAction | null;
}

/**
 * The public-version action a finding calls for, so the release step can be planned from the
 * review (DOMAIN.md): snap or displace coordinates, resample a raster, drop a field, remove
 * features or the whole layer, mask an area, strip hidden content, or refuse the dataset.
 */
export type FindingAction =
  | 'degrade-coordinates'
  | 'resample'
  | 'drop-field'
  | 'remove-features'
  | 'remove-layer'
  | 'mask-area'
  | 'strip-hidden'
  | 'refuse';

/**
 * A part of a dataset's files that is not its features or pixels: its catalogue record's texts, its
 * names, and the places data hides in (rendered as `where.part.<part>` in messages.ts).
 */
export type FindingPart = 'metadata.title' | 'metadata.abstract' | 'file-name' | 'layer-name' | 'field-name';

/** Most feature numbers a location lists; `featureCount` says how many there are in all. */
export const MAX_LOCATED_FEATURES = 100;

/**
 * Where a finding is. Every member is optional and they combine (a field of some features, a
 * window of a band). Feature numbers are 1..N in layer order, as the attribute table and the map
 * number them; a window is `[column, row, width, height]` in pixels from 0 (as `gdal_translate -srcwin`); an area is
 * `[minX, minY, maxX, maxY]` in the dataset's CRS. `name` names the part (a tag, a sidecar file).
 */
export interface FindingLocation {
  readonly field?: string;
  readonly band?: number;
  readonly features?: readonly number[];
  readonly featureCount?: number;
  readonly window?: readonly [number, number, number, number];
  readonly area?: readonly [number, number, number, number];
  readonly part?: FindingPart;
  readonly name?: string;
}
