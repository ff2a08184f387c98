import type { DatasetStatus } from '../ports/catalogue-store.js';
import type { DatasetId, DatasetKind, Extent, SecrecyLevel } from '../model/index.js';

/**
 * Catalogue search (ADR 0182): one text box over every text field of the latest record, facets
 * counted over the current filter, a lon/lat box, a sort and a page. Pure types and limits; the
 * SQLite catalogue answers it from its derived indexes.
 */
export const SEARCH_FACETS = ['category', 'level', 'status', 'year', 'unit'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export const SEARCH_SORTS = ['relevance', 'title', 'date'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Largest page the catalogue hands out, and how many values each facet lists at most. */
export const SEARCH_MAX_PAGE_SIZE = 100;
export const SEARCH_FACET_VALUES = 30;

/** Values chosen per facet: values of one facet are ORed, facets are ANDed. */
export type SearchFacetFilter = Readonly<Partial<Record<SearchFacet, readonly string[] | undefined>>>;

export interface SearchQuery {
  /** Free text; empty or blank: every active record. */
  readonly text: string;
  readonly facets: SearchFacetFilter;
  /** `[minLon, minLat, maxLon, maxLat]` in degrees; a record whose extent touches it matches. */
  readonly bbox: Extent | null;
  readonly sort: SearchSort;
  readonly offset: number;
  readonly limit: number;
}

export interface SearchHitRow {
  readonly id: DatasetId;
  readonly title: string;
  readonly kind: DatasetKind;
  readonly level: SecrecyLevel;
  readonly status: DatasetStatus;
  readonly year: number | null;
  readonly unit: string | null;
  readonly category: string | null;
  /** Lon/lat box of the data, null when it has no known CRS or extent. */
  readonly extent: Extent | null;
  readonly createdAt: string;
}

/** One facet value and how many records of the current filter (this facet's own choice aside) have it. */
export interface SearchFacetCount {
  readonly value: string;
  readonly count: number;
}

export interface SearchPageRow {
  readonly hits: readonly SearchHitRow[];
  readonly total: number;
  readonly facets: Readonly<Record<SearchFacet, readonly SearchFacetCount[]>>;
  /** True when a filter has too many hits to count facets over all of them: counts are scaled from a sample. */
  readonly facetsEstimated: boolean;
}
