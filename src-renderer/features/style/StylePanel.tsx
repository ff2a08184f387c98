import { Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultVectorStyle } from '../../map/style/model.js';
import { layerColour } from '../../map/vector-style.js';
import { usePlatform } from '../../platform/platform-context.js';
import { useAppStore } from '../../state/app-store.js';
import { datasetTitle } from '../../i18n/messages.js';
import { RasterStyleForm } from './RasterStyleForm.js';
import { openStylePanel, setLayerStyle, useStyleStore } from './style-store.js';
import { VectorStyleForm } from './VectorStyleForm.js';
import './style.css';

/** Side drawer with the open dataset's style; every change applies to the map at once and is saved. */
export function StylePanel() {
  const { t } = useTranslation();
  const { fileUrl } = usePlatform();
  const id = useStyleStore((s) => s.panelFor);
  const saved = useStyleStore((s) => (s.panelFor ? s.styles[s.panelFor] : undefined)) ?? null;
  const detail = useAppStore((s) => (id ? s.details[id] : undefined));
  const colourIndex = useAppStore((s) => s.datasets.findIndex((d) => d.id === id));
  const close = (): void => {
    openStylePanel(null);
  };
  const name = detail ? datasetTitle(detail.summary) : '';
  return (
    <Drawer
      open={id !== null && detail !== undefined}
      onClose={close}
      title={t('style.title', { name })}
      size={400}
      mask={false}
      destroyOnHidden
      data-testid="style-panel"
      extra={
        <Button
          size="small"
          data-testid="style-reset"
          onClick={() => {
            if (id) setLayerStyle(id, null);
          }}
        >
          {t('style.reset')}
        </Button>
      }
    >
      {id && detail?.display.kind === 'raster' ? (
        <RasterStyleForm
          key={`${id}:${saved ? 'saved' : 'default'}`}
          url={fileUrl(detail.display.path)}
          style={saved?.kind === 'raster' ? saved.raster : null}
          onChange={(raster) => {
            setLayerStyle(id, { version: 1, kind: 'raster', raster });
          }}
        />
      ) : null}
      {id && detail?.display.kind === 'vector' ? (
        <VectorStyleForm
          key={`${id}:${saved ? 'saved' : 'default'}`}
          datasetId={id}
          fields={detail.fields}
          style={
            saved?.kind === 'vector'
              ? saved.vector
              : defaultVectorStyle(layerColour(Math.max(0, colourIndex)))
          }
          onChange={(vector) => {
            setLayerStyle(id, { version: 1, kind: 'vector', vector });
          }}
        />
      ) : null}
    </Drawer>
  );
}
