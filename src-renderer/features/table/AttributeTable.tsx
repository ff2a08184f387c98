import { AimOutlined, CaretDownOutlined, CaretUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../platform/error-text.js';
import { attributeText } from '../../ui/format.js';
import { DockSwitch } from './DockSwitch.js';
import { TableToolbar } from './TableToolbar.js';
import { closeTable, setMapSelection, setSelected, useTableStore, zoomToSelection } from './table-store.js';
import { useFeaturePages, type FeatureRow, type TableQueryArgs } from './use-feature-pages.js';
import { VirtualRows } from './VirtualRows.js';
import './feature-table.css';
import { IconButton } from '../../ui/IconButton.js';

const ROW_HEIGHT = 24;
const FID_WIDTH = 72;
const FIELD_WIDTH = 140;

type Sort = NonNullable<TableQueryArgs['sort']>;
type Geometry = FeatureRow['geometry'];

/** Next sort when a column header is clicked: ascending, descending, then the file's order. */
const nextSort = (sort: Sort | undefined, field: string): Sort | undefined =>
  sort?.field !== field
    ? { field, order: 'asc' }
    : sort.order === 'asc'
      ? { field, order: 'desc' }
      : undefined;

/**
 * The attribute table of one vector layer (after QGIS): one row per feature with its id and
 * fields, sorted by a column, filtered and searched on the host a page at a time; selected rows
 * are drawn on the map, and a feature picked on the map is selected and scrolled to.
 */
export function AttributeTable({
  datasetId,
  layerName,
}: {
  readonly datasetId: string;
  readonly layerName: string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<TableQueryArgs>({});
  const pages = useFeaturePages(datasetId, query);
  const selected = useTableStore((s) => s.selected);
  const focus = useTableStore((s) => s.focus);
  const [scrollTo, setScrollTo] = useState<{ index: number; seq: number } | null>(null);
  const anchor = useRef<number | null>(null);
  const geometries = useRef(new Map<number, Geometry>());
  const { head } = pages;

  // The map draws the selected features whose geometry the table has read; selected rows keep
  // theirs for the map even when their page is dropped.
  const { find } = pages;
  useEffect(() => {
    const known = new Map<number, Geometry>();
    const features = selected.flatMap((fid) => {
      const geometry = geometries.current.get(fid) ?? find(fid)?.geometry;
      if (geometry === undefined) return [];
      known.set(fid, geometry);
      return [{ fid, geometry }];
    });
    geometries.current = known;
    setMapSelection(features.length === 0 ? null : { layerId: datasetId, crs: head?.crs ?? null, features });
  }, [selected, datasetId, head?.crs, find]);

  // A feature picked on the map: find its row among the matching ones and scroll to it.
  const { locate } = pages;
  useEffect(() => {
    if (!focus) return;
    let stale = false;
    void locate(focus.fid).then((index) => {
      if (!stale && index !== null) setScrollTo({ index, seq: focus.seq });
    });
    return () => {
      stale = true;
    };
  }, [focus, locate]);

  const onRange = useCallback(
    (first: number, last: number) => {
      pages.want(first, last);
    },
    [pages],
  );

  const fields = head?.fields ?? [];
  const countsText = head
    ? t('featureTable.counts', { total: head.total, matched: head.matched, selected: selected.length })
    : '';
  const width = FID_WIDTH + fields.length * FIELD_WIDTH;
  const chosen = new Set(selected);
  const select = (index: number, row: FeatureRow, how: { toggle: boolean; range: boolean }): void => {
    geometries.current.set(row.fid, row.geometry);
    if (how.range && anchor.current !== null) {
      const from = Math.min(anchor.current, index);
      const to = Math.max(anchor.current, index);
      const fids: number[] = [];
      for (let i = from; i <= to; i += 1) {
        const r = pages.rowAt(i);
        if (!r) continue;
        geometries.current.set(r.fid, r.geometry);
        fids.push(r.fid);
      }
      setSelected(fids);
      return;
    }
    anchor.current = index;
    if (how.toggle)
      setSelected(chosen.has(row.fid) ? selected.filter((f) => f !== row.fid) : [...selected, row.fid]);
    else setSelected([row.fid]);
  };

  const header = (
    <div className="vt-row vt-head" data-testid="feature-table-header">
      <div className="vt-cell vt-fid" style={{ width: FID_WIDTH }}>
        {t('featureTable.fid')}
      </div>
      {fields.map((f) => {
        const sorted = query.sort?.field === f.name ? query.sort.order : null;
        return (
          <button
            key={f.name}
            type="button"
            className={`vt-cell vt-sort${sorted ? ' sorted' : ''}`}
            style={{ width: FIELD_WIDTH }}
            title={t('featureTable.sortBy', { field: f.name })}
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            data-testid={`feature-table-sort-${f.name}`}
            onClick={() => {
              setQuery((q) => ({ ...q, sort: nextSort(q.sort, f.name) }));
            }}
          >
            <span className="vt-text">{f.name}</span>
            {sorted === 'asc' ? <CaretUpOutlined /> : sorted === 'desc' ? <CaretDownOutlined /> : null}
          </button>
        );
      })}
    </div>
  );

  const renderRow = (index: number) => {
    const row = pages.rowAt(index);
    if (!row) return <div className="vt-row vt-pending" />;
    // Selected rows keep their geometry for the map even when their page is dropped.
    if (chosen.has(row.fid) && !geometries.current.has(row.fid))
      geometries.current.set(row.fid, row.geometry);
    return (
      <div
        className={`vt-row${chosen.has(row.fid) ? ' selected' : ''}`}
        data-testid="feature-row"
        data-fid={row.fid}
        data-index={index}
        aria-selected={chosen.has(row.fid)}
        onClick={(event) => {
          select(index, row, { toggle: event.ctrlKey || event.metaKey, range: event.shiftKey });
        }}
      >
        <div className="vt-cell vt-fid" style={{ width: FID_WIDTH }}>
          {row.fid}
        </div>
        {row.values.map((value, i) => (
          <div
            key={fields[i]?.name ?? i}
            className={`vt-cell${typeof value === 'number' ? ' vt-number' : ''}`}
            style={{ width: FIELD_WIDTH }}
            title={attributeText(value)}
          >
            {attributeText(value)}
          </div>
        ))}
      </div>
    );
  };

  return (
    <section
      className="panel feature-table"
      aria-label={t('featureTable.title')}
      data-testid="feature-table"
      data-dataset={datasetId}
    >
      <header className="panel-header">
        <span className="ft-title">
          <DockSwitch view="table" />
          <span className="ft-layer" title={layerName}>
            {layerName}
          </span>
          {head ? (
            <span
              className="muted ft-counts"
              data-testid="feature-table-counts"
              data-total={head.total}
              data-matched={head.matched}
              data-selected={selected.length}
              title={countsText}
            >
              {countsText}
            </span>
          ) : null}
        </span>
        <span className="ft-actions">
          <Button
            size="small"
            icon={<AimOutlined />}
            data-testid="feature-table-zoom"
            disabled={selected.length === 0}
            onClick={zoomToSelection}
          >
            {t('featureTable.zoomToSelection')}
          </Button>
          <Button
            size="small"
            type="text"
            data-testid="feature-table-clear-selection"
            disabled={selected.length === 0}
            onClick={() => {
              setSelected([]);
            }}
          >
            {t('featureTable.clearSelection')}
          </Button>
          <IconButton
            label={t('featureTable.close')}
            testId="feature-table-close"
            type="text"
            icon={<CloseOutlined />}
            onClick={closeTable}
          />
        </span>
      </header>
      <TableToolbar
        fields={fields}
        onFilter={(filter) => {
          setQuery((q) => ({ ...q, filter }));
        }}
        onSearch={(search) => {
          setQuery((q) => ({ ...q, search: search.trim() === '' ? undefined : search }));
        }}
      />
      <div className="ft-body">
        {pages.error ? (
          <Alert type="error" showIcon data-testid="feature-table-error" title={errorText(pages.error)} />
        ) : head === null ? (
          <div className="ft-loading" data-testid="feature-table-loading">
            <Spin size="small" />
            <span className="muted">{t('featureTable.loading')}</span>
          </div>
        ) : head.matched === 0 ? (
          <>
            {header}
            <div className="muted hint">{t('featureTable.noRows')}</div>
          </>
        ) : (
          <VirtualRows
            count={head.matched}
            rowHeight={ROW_HEIGHT}
            width={width}
            header={header}
            renderRow={renderRow}
            onRange={onRange}
            scrollTo={scrollTo}
          />
        )}
      </div>
    </section>
  );
}
