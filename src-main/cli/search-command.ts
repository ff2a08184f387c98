import type { CatalogueSearchResult, SearchResult } from '../api/catalogue-search.js';
import { StrataError } from '../api/errors.js';
import { SEARCH_FACETS, type SearchFacet } from '../core/catalogue/search.js';
import { call, type CommandContext } from './command-context.js';

// `strata search QUERY [--facet key=value]... [--bbox minlon,minlat,maxlon,maxlat] [--page N] [--sort S]`
// (issue 7, ADR 0182): the CLI face of `catalogue.search`.

function facetsOf(given: readonly string[]): Partial<Record<SearchFacet, string[]>> {
  const facets: Partial<Record<SearchFacet, string[]>> = {};
  for (const pair of given) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at) as SearchFacet;
    const value = pair.slice(at + 1).trim();
    if (at < 1 || value === '' || !SEARCH_FACETS.includes(key))
      throw new StrataError('INVALID_ARGUMENT', {
        detail: 'detail.searchFacet',
        given: pair,
        facets: SEARCH_FACETS.join(', '),
      });
    (facets[key] ??= []).push(value);
  }
  return facets;
}

function bboxOf(given: string | undefined): readonly number[] | null {
  if (given === undefined) return null;
  const numbers = given.split(',').map((n) => (n.trim() === '' ? NaN : Number(n)));
  if (numbers.length !== 4 || !numbers.every(Number.isFinite))
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.searchBbox', given });
  return numbers;
}

function pageOf(given: string | undefined): number {
  if (given === undefined) return 1;
  if (!/^[1-9]\d{0,6}$/.test(given))
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.searchPage', given });
  return Number(given);
}

const resultLine = (r: SearchResult): string =>
  `${r.id}  ${r.level}  ${r.status.padEnd(14)} ${r.year === null ? '----' : String(r.year)}  ${r.title}${r.unit === null ? '' : `  (${r.unit})`}`;

export async function searchCommand(ctx: CommandContext): Promise<number> {
  const found = await call<CatalogueSearchResult>(ctx, 'catalogue.search', {
    query: ctx.positionals.slice(1).join(' '),
    facets: facetsOf(ctx.lists?.['facet'] ?? []),
    bbox: bboxOf(ctx.options['bbox']),
    page: pageOf(ctx.options['page']),
    ...(ctx.options['sort'] === undefined ? {} : { sort: ctx.options['sort'] }),
  });
  ctx.out.result(found, () =>
    [
      ctx.out.text('cli.searchTotal', { total: found.total, page: found.page, pageSize: found.pageSize }),
      ...found.results.map(resultLine),
    ].join('\n'),
  );
  return 0;
}
