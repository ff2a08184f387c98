import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../src-main/api/catalogue-search.js';
import { AddToMap } from '../../ui/AddToMap.js';
import { KindIcon } from '../../ui/KindIcon.js';
import { LevelTag } from '../../ui/LevelTag.js';
import { StatusTag } from '../../ui/StatusTag.js';

export interface SearchResultRowProps {
  readonly result: SearchResult;
  readonly selected: boolean;
  readonly onMap: boolean;
  readonly onSelect: () => void;
  readonly onAdd: () => void;
}

/** One record found: its kind (no thumbnail is taken at import yet), 题名, year · 形成单位 · 类别, 密级, status, add to map. */
export function SearchResultRow({ result, selected, onMap, onSelect, onAdd }: SearchResultRowProps) {
  const { t } = useTranslation();
  const meta = [result.year === null ? null : String(result.year), result.unit, result.category].filter(
    (m): m is string => m !== null,
  );
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={0}
      className={`layer-row search-result${selected ? ' selected' : ''}`}
      data-testid={`search-result-${result.id}`}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          onSelect();
        }
      }}
    >
      <KindIcon kind={result.kind} />
      <div className="layer-text">
        <div className="layer-name" title={result.title}>
          {result.title}
        </div>
        <div className="layer-meta">{meta.length > 0 ? meta.join(' · ') : t('search.noMeta')}</div>
      </div>
      <LevelTag level={result.level} />
      <StatusTag status={result.status} />
      <AddToMap onMap={onMap} onAdd={onAdd} addTestId={`search-add-${result.id}`} />
    </div>
  );
}
