import { create } from 'zustand';
import type {
  CatalogueSearchResult,
  LonLatBox,
  SearchFacet,
  SearchSort,
} from '../../../src-main/api/catalogue-search.js';
import type { ApiClient } from '../../../src-main/api/contract.js';

/** The catalogue view (ADR 0182): what is asked, and the page the main process answered. */
interface SearchState {
  readonly query: string;
  readonly facets: Readonly<Partial<Record<SearchFacet, readonly string[]>>>;
  /** Restrict to the map's current view (its lon/lat box at the time of each search). */
  readonly inView: boolean;
  readonly sort: SearchSort;
  readonly page: number;
  readonly result: CatalogueSearchResult | null;
  readonly loading: boolean;
  readonly error: unknown;
}

export const PAGE_SIZE = 20;

export const useSearchStore = create<SearchState>()(() => ({
  query: '',
  facets: {},
  inView: false,
  sort: 'relevance',
  page: 1,
  result: null,
  loading: false,
  error: null,
}));

/** The map's current view as a lon/lat box, kept by the map (null before it has drawn). */
export const useViewExtent = create<{ readonly extent: LonLatBox | null }>()(() => ({ extent: null }));
export const setViewExtent = (extent: LonLatBox | null): void => {
  useViewExtent.setState({ extent });
};

type Change = Partial<Pick<SearchState, 'query' | 'facets' | 'inView' | 'sort' | 'page'>>;

/** Every change of the question but a page turn starts again at page 1. */
export const changeSearch = (change: Change): void => {
  useSearchStore.setState((s) => ({ ...s, page: 1, ...change }));
};

export const toggleFacet = (facet: SearchFacet, value: string): void => {
  const chosen = useSearchStore.getState().facets[facet] ?? [];
  const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
  changeSearch({ facets: { ...useSearchStore.getState().facets, [facet]: next } });
};

let asked = 0;

/** Asks `catalogue.search` for the current question; a slower earlier answer never replaces a later one. */
export async function runSearch(api: ApiClient): Promise<void> {
  const s = useSearchStore.getState();
  const ask = ++asked;
  const facets = Object.fromEntries(Object.entries(s.facets).filter(([, values]) => values.length > 0));
  const bbox = s.inView ? useViewExtent.getState().extent : null;
  useSearchStore.setState({ loading: true });
  try {
    const result = await api['catalogue.search']({
      query: s.query,
      facets,
      bbox: bbox ? [bbox[0], bbox[1], bbox[2], bbox[3]] : null,
      sort: s.sort,
      page: s.page,
      pageSize: PAGE_SIZE,
    });
    if (ask === asked) useSearchStore.setState({ result, loading: false, error: null });
  } catch (error) {
    if (ask === asked) useSearchStore.setState({ loading: false, error });
  }
}
