import { z } from 'zod';
import {
  SEARCH_MAX_PAGE_SIZE,
  SEARCH_FACETS,
  SEARCH_SORTS,
  type SearchFacet,
  type SearchFacetCount,
  type SearchHitRow,
  type SearchSort,
} from '../core/catalogue/search.js';
import { SECRECY_LEVELS } from '../core/model/secrecy.js';

// `catalogue.search` (issue 7, ADR 0182): its arguments as the dispatcher validates them and its result.

export { SEARCH_FACETS, SEARCH_SORTS, type SearchFacet, type SearchFacetCount, type SearchSort };

const facetValues = <T extends z.ZodType>(value: T) => z.array(value).min(1).max(50).optional();
const text = z.string().trim().min(1).max(200);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const searchArgs = z
  .object({
    /** Free text over every text field of the record; empty: every record in use. */
    query: z.string().max(500).default(''),
    /** Chosen values per facet: values of one facet are ORed, facets ANDed. */
    facets: z
      .object({
        category: facetValues(text),
        level: facetValues(z.enum(SECRECY_LEVELS)),
        status: facetValues(z.enum(['draft', 'reviewed', 'public-version', 'exported'])),
        year: facetValues(z.string().regex(/^\d{1,4}$/, 'year')),
        unit: facetValues(text),
      })
      .strict()
      .default({}),
    /** `[minLon, minLat, maxLon, maxLat]`, degrees: records whose extent touches it. */
    bbox: z
      .tuple([lon, lat, lon, lat])
      .refine(([x0, y0, x1, y1]) => x0 <= x1 && y0 <= y1, 'bbox: min before max')
      .nullable()
      .default(null),
    sort: z.enum(SEARCH_SORTS).default('relevance'),
    /** 1-based. */
    page: z.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.number().int().min(1).max(SEARCH_MAX_PAGE_SIZE).default(20),
  })
  .strict();

/** `[minLon, minLat, maxLon, maxLat]`, degrees. */
export type LonLatBox = readonly [number, number, number, number];

/** One record found: what the result list shows and what adding it to the map needs. */
export type SearchResult = SearchHitRow;

export interface CatalogueSearchResult {
  readonly results: readonly SearchResult[];
  /** Records matching the whole filter (every page). */
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Per facet, its values and counts over the filter without that facet's own choice, most first. */
  readonly facets: Readonly<Record<SearchFacet, readonly SearchFacetCount[]>>;
  /** True when a filter has too many hits to count facets over each: counts are scaled from the first 2,000. */
  readonly facetsEstimated: boolean;
}
