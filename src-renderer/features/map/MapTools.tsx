import {
  BorderOuterOutlined,
  CloseOutlined,
  ColumnWidthOutlined,
  InfoCircleOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Button, Modal, Radio, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { areaInUnits, lengthInUnit } from '../../map/tools/geodesic.js';
import { NAVIGATION_KEYS, SHORTCUTS } from '../../map/tools/shortcuts.js';
import { useAppStore } from '../../state/app-store.js';
import { formatNumber } from '../../ui/format.js';
import { setHelpOpen, setRasterHits, setTool, useMapToolsStore, type MapTool } from './map-tools-store.js';
import { BasemapProblem, BasemapSelect } from './BasemapSelect.js';
import { IconButton } from '../../ui/IconButton.js';
import './map-tools.css';

/** Digits that keep a measured value readable: centimetres for metres, more for large units. */
const digitsFor = (unit: string): number => (unit === 'm' || unit === 'm2' ? 2 : unit === 'ha' ? 4 : 3);

function MeasurePanel() {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const tool = useMapToolsStore((s) => s.tool);
  const m = useMapToolsStore((s) => s.measurement);
  if (tool === 'identify') return null;
  const length = m ? lengthInUnit(m.metres) : null;
  const show = (v: { value: number; unit: 'm' | 'km' | 'm2' | 'km2' | 'ha' }): string =>
    `${formatNumber(v.value, lang, digitsFor(v.unit))} ${t(`mapTools.unit.${v.unit}`)}`;
  return (
    <div className="map-tool-card" data-testid="measure-panel" data-done={m?.done ? 'true' : 'false'}>
      <div className="map-tool-card-title">
        {t(tool === 'measureLength' ? 'mapTools.measureLength' : 'mapTools.measureArea')}
      </div>
      {m && length ? (
        <dl className="measure-values">
          <dt>{t(m.kind === 'length' ? 'mapTools.length' : 'mapTools.perimeter')}</dt>
          <dd data-testid="measure-length" data-metres={String(m.metres)}>
            {show(length)}
          </dd>
          {m.squareMetres === null ? null : (
            <>
              <dt>{t('mapTools.area')}</dt>
              <dd data-testid="measure-area" data-square-metres={String(m.squareMetres)}>
                {areaInUnits(m.squareMetres).map(show).join(' · ')}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <div className="muted">{t('mapTools.measureHint')}</div>
      )}
      <div className="muted small">{t('mapTools.geodesicNote')}</div>
    </div>
  );
}

function IdentifyPanel() {
  const { t } = useTranslation();
  const hits = useMapToolsStore((s) => s.rasterHits);
  if (!hits) return null;
  return (
    <div className="map-tool-card" data-testid="identify-panel">
      <div className="map-tool-card-title">
        <span>{t('mapTools.identifyTitle')}</span>
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('common.close')}
          data-testid="identify-close"
          onClick={() => {
            setRasterHits(null);
          }}
        />
      </div>
      {hits.map((hit) => (
        <div key={hit.datasetId} data-testid={`identify-raster-${hit.datasetId}`} className="identify-raster">
          <div className="identify-layer">{hit.layerName}</div>
          <div
            className="muted small"
            data-testid="identify-pixel"
            data-column={hit.pixel.column}
            data-row={hit.pixel.row}
          >
            {t('mapTools.pixel', { column: String(hit.pixel.column), row: String(hit.pixel.row) })}
          </div>
          <dl className="measure-values">
            {hit.pixel.values.map((value, index) => (
              // Bands have no identity beyond their position.
              <div key={index} className="identify-band">
                <dt>{t('mapTools.band', { n: String(index + 1) })}</dt>
                <dd
                  data-testid={`identify-band-${String(index + 1)}`}
                  data-value={value === null ? 'nodata' : String(value)}
                >
                  {value === null ? t('mapTools.nodata') : String(value)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

function ShortcutHelp() {
  const { t } = useTranslation();
  const open = useMapToolsStore((s) => s.helpOpen);
  const rows = [...SHORTCUTS, ...NAVIGATION_KEYS];
  return (
    <Modal
      open={open}
      title={t('mapTools.help')}
      footer={null}
      onCancel={() => {
        setHelpOpen(false);
      }}
    >
      <table className="shortcut-table" data-testid="shortcut-help">
        <tbody>
          {rows.map((row) => (
            <tr key={row.action}>
              <td>
                {row.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{t(`mapTools.action.${row.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

/**
 * The map's tool bar (basemap, identify, measure distance/area, shortcuts) and its result cards,
 * over the map.
 */
export function MapTools() {
  const { t } = useTranslation();
  const tool = useMapToolsStore((s) => s.tool);
  const tools: readonly { value: MapTool; icon: ReactNode; label: string }[] = [
    { value: 'identify', icon: <InfoCircleOutlined />, label: `${t('mapTools.identify')} (I)` },
    { value: 'measureLength', icon: <ColumnWidthOutlined />, label: `${t('mapTools.measureLength')} (M)` },
    { value: 'measureArea', icon: <BorderOuterOutlined />, label: `${t('mapTools.measureArea')} (Shift+M)` },
  ];
  return (
    <div className="map-tools">
      <div className="map-toolbar">
        <BasemapSelect />
        <Radio.Group
          size="small"
          optionType="button"
          value={tool}
          onChange={(event) => {
            setTool(event.target.value as MapTool);
          }}
        >
          {tools.map((item) => (
            <Tooltip key={item.value} title={item.label}>
              <Radio.Button value={item.value} aria-label={item.label} data-testid={`tool-${item.value}`}>
                {item.icon}
              </Radio.Button>
            </Tooltip>
          ))}
        </Radio.Group>
        <IconButton
          label={t('mapTools.help')}
          testId="shortcut-help-button"
          tooltip={`${t('mapTools.help')} (?)`}
          icon={<QuestionCircleOutlined />}
          onClick={() => {
            setHelpOpen(true);
          }}
        />
      </div>
      <BasemapProblem />
      <MeasurePanel />
      <IdentifyPanel />
      <ShortcutHelp />
    </div>
  );
}
