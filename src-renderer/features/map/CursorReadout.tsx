import { Select } from 'antd';
import { transform } from 'ol/proj.js';
import { useTranslation } from 'react-i18next';
import type { CrsDefinition } from '../../../src-main/api/types.js';
import type { MapPointer } from '../../map/MapController.js';
import { isGeographic } from '../../map/projections.js';
import { formatPosition, type CoordinateFormat } from '../../map/tools/coordinate-format.js';
import { CrsSelect } from './CrsSelect.js';
import { setCursorCrs, setCursorFormat, useMapToolsStore } from './map-tools-store.js';

export interface CursorReadoutProps {
  readonly pointer: MapPointer | null;
  /** The view CRS the pointer's x/y are in. */
  readonly viewCrs: string | null;
  readonly choices: readonly CrsDefinition[];
}

/** Cursor position in a CRS the user picks: degrees or DMS for geographic CRSs, metres for projected ones. */
export function CursorReadout({ pointer, viewCrs, choices }: CursorReadoutProps) {
  const { t } = useTranslation();
  const cursorCrs = useMapToolsStore((s) => s.cursorCrs);
  const format = useMapToolsStore((s) => s.cursorFormat);
  const usable = choices.some((c) => c.code === cursorCrs);
  const geographic = usable && isGeographic(cursorCrs);
  let text = '—';
  if (pointer && viewCrs && usable) {
    const [x = NaN, y = NaN] = transform([...pointer.xy], viewCrs, cursorCrs);
    if (Number.isFinite(x) && Number.isFinite(y)) text = formatPosition([x, y], format, geographic);
  }
  const formats: readonly CoordinateFormat[] = geographic ? ['degrees', 'dms'] : ['metres'];
  return (
    <span className="status-item status-cursor">
      <span data-testid="status-cursor" data-crs={cursorCrs} title={t('mapTools.cursor')}>
        {text}
      </span>
      <CrsSelect
        value={cursorCrs}
        choices={choices}
        onChange={setCursorCrs}
        label={t('mapTools.cursorCrs')}
        testId="cursor-crs-select"
      />
      {formats.length < 2 ? null : (
        <Select
          size="small"
          variant="borderless"
          aria-label={t('mapTools.formatLabel')}
          data-testid="cursor-format-select"
          popupMatchSelectWidth={false}
          value={formats.includes(format) ? format : (formats[0] ?? 'metres')}
          onChange={setCursorFormat}
          options={formats.map((f) => ({ value: f, label: t(`mapTools.format.${f}`) }))}
          labelRender={({ value }) => t(`mapTools.formatShort.${value === 'dms' ? 'dms' : 'degrees'}`)}
        />
      )}
    </span>
  );
}
