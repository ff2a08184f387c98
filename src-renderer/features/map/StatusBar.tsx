import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MapPointer, MapProblem, MapStatus } from '../../map/MapController.js';
import { useAppStore } from '../../state/app-store.js';
import { formatCoord, formatNumber } from '../../ui/format.js';

export interface StatusBarProps {
  readonly status: MapStatus | null;
  readonly pointer: MapPointer | null;
  readonly problem: MapProblem | null;
  readonly basemap: boolean;
}

/** Bottom line as in QGIS: map notices, view CRS, scale, cursor position (lon/lat and view x/y). */
export function StatusBar({ status, pointer, problem, basemap }: StatusBarProps) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const [lon, lat] = pointer?.lonLat ?? [];
  const [x, y] = pointer?.xy ?? [];
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-notice" data-testid="map-notice" role="status">
        {problem ? (
          <>
            <WarningOutlined /> {t(problem.key, { name: problem.name })}
          </>
        ) : basemap ? null : (
          <span className="muted">{t('map.basemapMissing')}</span>
        )}
      </span>
      <span className="status-item" data-testid="status-lonlat">
        {t('map.lonlat')}{' '}
        {lon === undefined || lat === undefined
          ? '—'
          : `${formatCoord(lon, true)}, ${formatCoord(lat, true)}`}
      </span>
      <span className="status-item" data-testid="status-xy">
        {t('map.viewXY')}{' '}
        {x === undefined || y === undefined ? '—' : `${formatCoord(x, false)}, ${formatCoord(y, false)}`}
      </span>
      <span className="status-item" data-testid="status-scale">
        {t('map.scale')} {status ? `1:${formatNumber(status.scale, lang)}` : '—'}
      </span>
      <span className="status-item" data-testid="status-crs">
        {t('map.crs')} {status?.crs ?? '—'}
      </span>
    </footer>
  );
}
