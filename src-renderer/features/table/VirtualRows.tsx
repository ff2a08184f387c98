import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Browsers cap an element's height (Chromium near 33.5 M px); past this the scroll range is scaled. */
const MAX_SCROLL_PX = 8_000_000;
const OVERSCAN = 8;

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
 * a screenful does (ADR 0112). The scroll range is the rows' height, or scaled down to
 * MAX_SCROLL_PX when taller, with the row at the top computed from the scroll fraction.
 */
export function VirtualRows(props: VirtualRowsProps) {
  const { count, rowHeight, width, header, renderRow, onRange, scrollTo } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(0);
  const full = count * rowHeight;
  const range = Math.min(full, MAX_SCROLL_PX);
  // Virtual offset per scrolled pixel: 1 unless the rows are taller than the scroll range.
  const scale = full > range && range > height ? (full - height) / (range - height) : 1;
  const virtualTop = top * scale;
  const first = Math.max(0, Math.floor(virtualTop / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((virtualTop + height) / rowHeight) + OVERSCAN);

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
    const wanted = scrollTo.index * rowHeight - element.clientHeight / 2;
    element.scrollTop = Math.max(0, wanted) / scale;
    // `scale` follows the same count and height; a new request is a new `seq`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo, rowHeight]);

  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index += 1)
    rows.push(
      <div
        key={index}
        className="vt-row-slot"
        style={{ top: rowHeight + top + index * rowHeight - virtualTop, height: rowHeight, width }}
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
      <div style={{ height: range, width }} />
      {rows}
    </div>
  );
}
