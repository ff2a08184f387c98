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
  | 'finding.hiddenContent'
  | 'finding.hiddenResidue'
  | 'finding.hiddenLocalPath'
  | 'finding.forbiddenText'
  | 'finding.forbiddenLayerName'
  | 'finding.forbiddenFieldName'
  | 'finding.forbiddenValue'
  | 'finding.forbiddenClass'
  | 'finding.sensitiveField'
  | 'finding.coordinateField'
  | 'finding.graticuleLayer'
  | 'finding.graticuleLines'
  | 'finding.graticuleLabels'
  | 'finding.geodeticLayer'
  | 'finding.gravityField'
  | 'finding.geodeticFeatures'
  | 'finding.statedPrecision'
  | 'finding.statedScale'
  | 'finding.contourIntervalSecret'
  | 'finding.contourIntervalPublic'
  | 'finding.coverageArea'
  | 'finding.restrictedZoneFeatures'
  | 'finding.restrictedZoneRaster'
  | 'finding.restrictedZoneNoCrs'
  | 'finding.markingLevel'
  | 'finding.markingPeriod'
  | 'finding.markingAttribution'
  | 'finding.markingNotPublic'
  | 'finding.markingLineage'
  | 'finding.markingSourceReview';

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
 * names, the places data hides in, and the marking a release needs (rendered as `where.part.<part>`
 * in messages.ts).
 */
export type FindingPart =
  | 'metadata.title'
  | 'metadata.abstract'
  | 'file-name'
  | 'layer-name'
  | 'field-name'
  | HiddenPart
  | MarkingPart;

/**
 * What the `marking` rule requires of a record before export: its 密级, 保密期限 and 数据来源, and
 * for a public version the lineage to its source and the review record of that source.
 */
export type MarkingPart =
  'metadata.level' | 'metadata.period' | 'metadata.attribution' | 'lineage' | 'source-review';

/**
 * The places a dataset's files hide data in (ADR 0162), as the formats' hidden-content inventories
 * name them: descriptive TIFF tags, GDAL_METADATA items (band descriptions among them), an XMP
 * packet, bytes of a file nothing references, a metadata sidecar (.aux.xml, .xml), DBF records
 * flagged deleted, GeoPackage metadata, SQLite free space (freed pages, deleted rows' residue),
 * and what a KML reader drops.
 */
export const HIDDEN_PARTS = [
  'tiff.tag',
  'tiff.gdal-metadata',
  'tiff.xmp',
  'unreferenced-bytes',
  'sidecar',
  'dbf.deleted-record',
  'gpkg.metadata',
  'sqlite.free-space',
  'kml.dropped',
] as const;
export type HiddenPart = (typeof HIDDEN_PARTS)[number];

/**
 * A text that goes out with the dataset besides its attribute values: its file and layer names,
 * its record's title and abstract (metadata is reviewed like data), and what its files hide
 * (`ReviewSubject.hidden`). `name` names the part where it has one of its own (a tag, a sidecar's
 * file name, a record number).
 */
export interface SubjectText {
  readonly part: FindingPart;
  readonly name?: string;
  readonly text: string;
}

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

/**
 * A reviewer's call on one finding: it must be fixed before release, it is accepted (a risk the
 * reviewer takes, with the reason), or it is not what the rule thought (a false positive, with the
 * reason). The latest decision on a finding is the one that holds.
 */
export const FINDING_DECISIONS = ['must-fix', 'accept', 'false-positive'] as const;

export type FindingDecisionKind = (typeof FINDING_DECISIONS)[number];

/**
 * A reviewer's verdict on a whole review (ADR 0174): approve it (the content may go on to a public
 * version), or return it to the curator with a comment. One per review; new content needs a new review.
 */
export const REVIEW_VERDICTS = ['approve', 'return'] as const;

export type ReviewVerdictKind = (typeof REVIEW_VERDICTS)[number];
