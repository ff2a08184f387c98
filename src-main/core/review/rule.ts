import type { Finding, RasterInfo, VectorFeature, VectorInfo } from '../model/index.js';

export interface RasterSubject {
  readonly kind: 'raster';
  readonly name: string;
  readonly info: RasterInfo;
}

export interface VectorSubject {
  readonly kind: 'vector';
  readonly name: string;
  readonly info: VectorInfo;
  readonly features: readonly VectorFeature[];
}

/** What a review looks at: parsed from the bytes on disk, never from the catalogue's say-so. */
export type ReviewSubject = RasterSubject | VectorSubject;

/** Numbers of the active rule profile (DOMAIN.md, "What a secrecy review checks"). Metres. */
export interface ReviewSettings {
  /** Coordinates finer than this are a blocking finding. Default 50. */
  readonly positionPrecisionMetres: number;
  /** DEM grid spacing finer than this is blocking. Default 100. */
  readonly demGridMetres: number;
  /** Imagery ground resolution finer than this is blocking. Default 0.5. */
  readonly imageryResolutionMetres: number;
}

/** One secrecy-review check: stable id and version, a pure check over one subject. */
export interface ReviewRule {
  readonly id: string;
  readonly version: number;
  check(subject: ReviewSubject, settings: ReviewSettings): readonly Finding[];
}
