import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  SEARCH_FACETS,
  type SearchFacet,
  type SearchFacetCount,
} from '../../../src-main/api/catalogue-search.js';
import type { WorkflowStatus } from '../../../src-main/api/types.js';
import { toggleFacet, useSearchStore } from './search-store.js';

/** Each facet with its values and counts over the current filter (≈ when estimated); a value is a toggle. */
export function FacetGroups({
  facets,
  estimated,
}: {
  readonly facets: Readonly<Record<SearchFacet, readonly SearchFacetCount[]>>;
  readonly estimated: boolean;
}) {
  const { t } = useTranslation();
  const chosen = useSearchStore((s) => s.facets);
  const label = (facet: SearchFacet, value: string): string =>
    facet === 'status' ? t(`status.${value as WorkflowStatus}`) : value;
  return (
    <div className="search-facets" data-testid="search-facets">
      {SEARCH_FACETS.filter((facet) => facets[facet].length > 0).map((facet) => (
        <div key={facet} className="search-facet" data-testid={`facet-${facet}`}>
          <div className="search-facet-name">{t(`search.facet.${facet}`)}</div>
          <div className="search-facet-values">
            {facets[facet].map(({ value, count }) => (
              <Tag.CheckableTag
                key={value}
                checked={chosen[facet]?.includes(value) === true}
                data-testid={`facet-${facet}-${value}`}
                onChange={() => {
                  toggleFacet(facet, value);
                }}
              >
                {label(facet, value)}{' '}
                <span className="muted">
                  {estimated ? '≈' : ''}
                  {count}
                </span>
              </Tag.CheckableTag>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
