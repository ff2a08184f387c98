import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CrsDefinition } from '../../../src-main/api/types.js';
import type { MapController, MapPointer, MapProblem, MapStatus } from '../../map/MapController.js';
import { CrsSelect } from './CrsSelect.js';
import { CursorReadout } from './CursorReadout.js';
import { DatumShiftStatus } from './DatumShiftStatus.js';
import { setMapCrs, useMapToolsStore } from './map-tools-store.js';
import { ScaleSelect } from './ScaleSelect.js';

export interface StatusBarProps {
  readonly status: MapStatus | null;
  readonly pointer: MapPointer | null;
  readonly problem: MapProblem | null;
  readonly basemap: boolean;
  readonly controller: MapController | null;
  /** CRSs offered for the map and the cursor (short list plus the datasets' own). */
  readonly choices: readonly CrsDefinition[];
}

/** Bottom line as in QGIS: map notices, cursor position in a chosen CRS, scale, map CRS. */
export function StatusBar({ status, pointer, problem, basemap, controller, choices }: StatusBarProps) {
  const { t } = useTranslation();
  const mapCrs = useMapToolsStore((s) => s.mapCrs);
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
      <DatumShiftStatus />
      <CursorReadout pointer={pointer} viewCrs={status?.crs ?? null} choices={choices} />
      <ScaleSelect controller={controller} scale={status?.scale ?? null} />
      <span className="status-item" data-testid="status-crs" data-crs={status?.crs ?? ''}>
        {t('mapTools.mapCrsShort')}
        <CrsSelect
          value={mapCrs}
          choices={choices}
          onChange={setMapCrs}
          label={t('mapTools.mapCrs')}
          testId="map-crs-select"
        />
      </span>
    </footer>
  );
}
