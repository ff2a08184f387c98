import { Checkbox, Empty, Input, Pagination, Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_SORTS, type SearchSort } from '../../../src-main/api/catalogue-search.js';
import { addToMap, select, useAppStore } from '../../state/app-store.js';
import { EMPTY_TREE, layersOf } from '../../state/layer-tree.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { FacetGroups } from './FacetGroups.js';
import { SearchResultRow } from './SearchResultRow.js';
import './search.css';
import { changeSearch, PAGE_SIZE, runSearch, useSearchStore, useViewExtent } from './search-store.js';

/**
 * 资料检索: the catalogue as its own view (ADR 0182). One box over every text field, facets with
 * counts, the map's current view as an area filter, sorting and pages of 20, each asked of
 * `catalogue.search`; a result can be added to the map's layer tree.
 */
export function CatalogueSearchView() {
  const { t } = useTranslation();
  const actions = useActions();
  const { query, facets, inView, sort, page, result, loading, error } = useSearchStore();
  const extent = useViewExtent((s) => s.extent);
  const selectedId = useAppStore((s) => s.selectedId);
  const tree = useAppStore((s) => s.tree ?? EMPTY_TREE);
  const onMap = useMemo(() => new Set(layersOf(tree).map((l) => l.layer.id)), [tree]);
  const [draft, setDraft] = useState(query);
  const area = inView ? extent : null;

  useEffect(() => {
    void runSearch(actions.api);
  }, [actions.api, query, facets, inView, area, sort, page]);

  return (
    <section className="panel search-panel" aria-label={t('search.title')} data-testid="search-view">
      <header className="panel-header">
        <span>{t('search.title')}</span>
        <span className="panel-header-extra muted" data-testid="search-total">
          {result ? t('search.total', { count: result.total }) : null}
        </span>
      </header>
      <div className="search-controls">
        <Input.Search
          allowClear
          value={draft}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          data-testid="search-input"
          onChange={(event) => {
            setDraft(event.target.value);
          }}
          onSearch={(value) => {
            changeSearch({ query: value });
          }}
        />
        <div className="search-options">
          <Select<SearchSort>
            size="small"
            value={sort}
            aria-label={t('search.sortLabel')}
            data-testid="search-sort"
            onChange={(value) => {
              changeSearch({ sort: value });
            }}
            options={SEARCH_SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
          />
          <Checkbox
            checked={inView}
            disabled={extent === null}
            data-testid="search-in-view"
            onChange={(event) => {
              changeSearch({ inView: event.target.checked });
            }}
          >
            {t('search.inView')}
          </Checkbox>
        </div>
      </div>
      <div className="panel-body search-body">
        {error ? <ErrorAlert error={error} testId="search-error" /> : null}
        {result ? <FacetGroups facets={result.facets} estimated={result.facetsEstimated} /> : null}
        <div role="listbox" aria-label={t('search.results')} data-testid="search-results">
          {loading && !result ? <Spin className="center-spin" /> : null}
          {result && result.results.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none')} />
          ) : null}
          {result?.results.map((r) => (
            <SearchResultRow
              key={r.id}
              result={r}
              selected={r.id === selectedId}
              onMap={onMap.has(r.id)}
              onSelect={() => {
                select(r.id);
              }}
              onAdd={() => {
                addToMap([r.id]);
              }}
            />
          ))}
        </div>
      </div>
      {result && result.total > PAGE_SIZE ? (
        <Pagination
          className="search-pages"
          size="small"
          simple
          current={page}
          pageSize={PAGE_SIZE}
          total={result.total}
          showSizeChanger={false}
          data-testid="search-pages"
          onChange={(next) => {
            changeSearch({ page: next });
          }}
        />
      ) : null}
    </section>
  );
}
