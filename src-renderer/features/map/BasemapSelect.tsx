import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { messageText } from '../../i18n/messages.js';
import { chooseBasemap, chosenView, useBasemapStore } from './basemap-store.js';

const NONE = '';

/** The basemap chooser over the map: none, or one of the basemaps the administrator configured. */
export function BasemapSelect() {
  const { t } = useTranslation();
  const views = useBasemapStore((s) => s.views);
  const chosen = useBasemapStore((s) => s.chosen);
  const known = views.some((v) => v.basemap.id === chosen);
  return (
    <Select
      size="small"
      className="basemap-select"
      data-testid="basemap-select"
      aria-label={t('map.basemapLabel')}
      prefix={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      value={known && chosen !== null ? chosen : NONE}
      onChange={(value: string) => {
        chooseBasemap(value === NONE ? null : value);
      }}
      options={[
        { value: NONE, label: t('map.basemapNone') },
        ...views.map((v) => ({ value: v.basemap.id, label: v.basemap.name })),
      ]}
    />
  );
}

/** Why the chosen basemap is not drawn (its tile set cannot be read, or its tiles fail to load). */
export function BasemapProblem() {
  const { t } = useTranslation();
  const view = useBasemapStore(chosenView);
  const tileError = useBasemapStore((s) => s.tileError);
  if (!view) return null;
  const failed = tileError?.id === view.basemap.id ? tileError : null;
  const error = view.problem ?? failed?.error ?? null;
  if (!error && !failed) return null;
  return (
    <div className="map-tool-card" data-testid="basemap-problem" role="alert">
      <div className="map-tool-card-title">{view.basemap.name}</div>
      {error ? messageText(`error.${error.code}`, error.params) : t('map.basemapTileFailed')}
    </div>
  );
}
