import type { z } from 'zod';
import type { CatalogueSearchResult, searchArgs } from '../api/catalogue-search.js';
import type { ServiceDeps } from './deps.js';

/** `catalogue.search`: one page of the records in use, with the total and facet counts (ADR 0182). */
export async function searchCatalogue(
  deps: ServiceDeps,
  args: z.output<typeof searchArgs>,
): Promise<CatalogueSearchResult> {
  const found = await deps.store.search({
    text: args.query,
    facets: args.facets,
    bbox: args.bbox,
    sort: args.sort,
    offset: (args.page - 1) * args.pageSize,
    limit: args.pageSize,
  });
  return {
    results: found.hits,
    total: found.total,
    page: args.page,
    pageSize: args.pageSize,
    facets: found.facets,
    facetsEstimated: found.facetsEstimated,
  };
}
