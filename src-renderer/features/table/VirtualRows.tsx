import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { rowWindow } from './row-window.js';

export interface VirtualRowsProps {
  readonly count: number;
  readonly rowHeight: number;
  /** Width of a row (the sum of the columns), for horizontal scrolling. */
  readonly width: number;
  /** The header row, kept at the top while the rows scroll under it. */
  readonly header: ReactNode;
  readonly renderRow: (index: number) => ReactNode;
  /** Called with the positions in view (and a few around), to read their pages. */
  readonly onRange: (first: number, last: number) => void;
  /** A position to bring into view; `seq` makes a repeat a new request. */
  readonly scrollTo: { readonly index: number; readonly seq: number } | null;
}

/**
 * Fixed-height rows of which only those in view are in the DOM, so a million-row table costs what
 * a screenful does (ADR 0112); which rows, and where, is row-window.ts.
 */
export function VirtualRows(props: VirtualRowsProps) {
  const { count, rowHeight, width, header, renderRow, onRange, scrollTo } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(0);
  // The rows' part of the view: below the header row.
  const view = rowWindow(count, rowHeight, top, Math.max(0, height - rowHeight));
  const { first, last } = view;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => {
      setHeight(element.clientHeight);
    });
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => {
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    if (count > 0) onRange(first, last);
  }, [first, last, count, onRange]);

  useEffect(() => {
    const element = scroller.current;
    if (!scrollTo || !element) return;
    const rowsHeight = Math.max(0, element.clientHeight - rowHeight);
    element.scrollTop = rowWindow(count, rowHeight, element.scrollTop, rowsHeight).scrollFor(scrollTo.index);
    // A new request is a new `seq`; count and height changes alone do not scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo, rowHeight]);

  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index += 1)
    rows.push(
      <div
        key={index}
        className="vt-row-slot"
        style={{ top: rowHeight + view.topOf(index), height: rowHeight, width }}
      >
        {renderRow(index)}
      </div>,
    );
  return (
    <div
      ref={scroller}
      className="vt-scroll"
      onScroll={(event) => {
        setTop(event.currentTarget.scrollTop);
      }}
    >
      <div className="vt-header" style={{ height: rowHeight, width }}>
        {header}
      </div>
      <div style={{ height: view.range, width }} />
      {rows}
    </div>
  );
}
