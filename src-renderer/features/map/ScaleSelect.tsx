import { AutoComplete } from 'antd';
import { getPointResolution } from 'ol/proj.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapController } from '../../map/MapController.js';
import { SCALE_SERIES, parseScale, resolutionOfScale } from '../../map/tools/scale.js';
import { useAppStore } from '../../state/app-store.js';
import { formatNumber } from '../../ui/format.js';

/**
 * Sets the view to 1:n at its centre. The ground size of a view unit depends on the resolution in
 * geographic and Mercator views, so the first guess is refined once with the size measured there.
 */
export function zoomToScale(controller: MapController, scale: number): void {
  const view = controller.olMap.getView();
  const centre = view.getCenter();
  if (!centre) return;
  const projection = view.getProjection();
  const perUnit = (resolution: number): number =>
    getPointResolution(projection, resolution, centre, 'm') / resolution;
  const guess = resolutionOfScale(scale, perUnit(view.getResolution() ?? 1));
  view.setResolution(resolutionOfScale(scale, perUnit(guess)));
}

export interface ScaleSelectProps {
  readonly controller: MapController | null;
  /** Current denominator at the view centre (null before the first frame). */
  readonly scale: number | null;
}

/** Scale readout and selector: the national series, or any 1:n typed in (Enter applies). */
export function ScaleSelect({ controller, scale }: ScaleSelectProps) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const shown = scale === null ? '' : `1:${formatNumber(scale, lang)}`;
  const apply = (text: string): void => {
    const value = parseScale(text);
    if (value === null) {
      setInvalid(text);
      return;
    }
    setInvalid(null);
    setDraft(null);
    if (controller) zoomToScale(controller, value);
  };
  return (
    <span className="status-item status-scale" data-testid="status-scale">
      {t('mapTools.scale')}{' '}
      <AutoComplete
        size="small"
        variant="borderless"
        className="scale-input"
        data-testid="scale-input"
        aria-label={t('mapTools.scale')}
        popupMatchSelectWidth={false}
        status={invalid === null ? '' : 'error'}
        value={draft ?? shown}
        options={SCALE_SERIES.map((n) => ({ value: `1:${String(n)}`, label: `1:${formatNumber(n, lang)}` }))}
        onFocus={() => {
          setDraft(shown);
        }}
        onBlur={() => {
          setDraft(null);
        }}
        onChange={(text) => {
          setDraft(text);
        }}
        onSelect={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && draft !== null) apply(draft);
          if (event.key === 'Escape') setDraft(null);
        }}
      />
      {invalid === null ? null : (
        <span className="scale-error" role="alert" data-testid="scale-error">
          {t('mapTools.scaleInvalid', { text: invalid })}
        </span>
      )}
    </span>
  );
}
