import { useTranslation } from 'react-i18next';
import type { BandStats } from '../../map/style/histogram.js';
import { formatNumber } from '../../ui/format.js';
import { useAppStore } from '../../state/app-store.js';

export interface HistogramProps {
  readonly band: number;
  readonly stats: BandStats;
  /** The stretch's low and high values, marked on the chart. */
  readonly range: readonly [number, number] | null;
}

const WIDTH = 320;
const HEIGHT = 90;

/** Bar chart of a band's sampled values, min at the left, max at the right, stretch limits marked. */
export function Histogram({ band, stats, range }: HistogramProps) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const peak = Math.max(1, ...stats.bins);
  const barWidth = WIDTH / Math.max(1, stats.bins.length);
  const span = stats.max - stats.min || 1;
  const xOf = (v: number): number => Math.min(WIDTH, Math.max(0, ((v - stats.min) / span) * WIDTH));
  return (
    <figure className="style-histogram" data-testid="style-histogram" data-count={stats.count}>
      <figcaption className="muted">{t('style.histogram', { band })}</figcaption>
      <svg
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        width="100%"
        height={HEIGHT}
        role="img"
        aria-label={t('style.histogram', { band })}
      >
        {stats.bins.map((n, i) => {
          // Square root scale: a dominant value (a flat plain, a nodata-like fill) keeps the rest visible.
          const h = (Math.sqrt(n) / Math.sqrt(peak)) * (HEIGHT - 4);
          return (
            <rect
              key={i}
              x={i * barWidth}
              y={HEIGHT - h}
              width={Math.max(1, barWidth - 0.5)}
              height={h}
              fill="#5b7fa6"
            />
          );
        })}
        {range
          ? range.map((v, i) => (
              <line
                key={i}
                x1={xOf(v)}
                x2={xOf(v)}
                y1={0}
                y2={HEIGHT}
                stroke="#d4380d"
                strokeWidth={1.5}
                strokeDasharray="4 2"
              />
            ))
          : null}
      </svg>
      <div className="style-histogram-axis muted">
        <span data-testid="style-histogram-min">{formatNumber(stats.min, lang, 2)}</span>
        <span data-testid="style-histogram-max">{formatNumber(stats.max, lang, 2)}</span>
      </div>
    </figure>
  );
}
