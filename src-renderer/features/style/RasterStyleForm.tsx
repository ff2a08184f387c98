import { Alert, Form, InputNumber, Radio, Select, Space, Spin, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_HILLSHADE,
  RAMP_NAMES,
  defaultRasterStyle,
  type Hillshade,
  type RasterStyle,
  type Stretch,
} from '../../map/style/model.js';
import { RAMPS, cssColour } from '../../map/style/ramps.js';
import { sampleRaster, type RasterSample } from '../../map/style/raster-sample.js';
import { resolveStretch } from '../../map/style/stretch.js';
import { Histogram } from './Histogram.js';

export interface RasterStyleFormProps {
  readonly url: string;
  readonly style: RasterStyle | null;
  readonly onChange: (style: RasterStyle) => void;
}

type SampleState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly sample: RasterSample }
  | { readonly state: 'failed' };

/** The raster's sample (shared with the map layer, read once per URL). */
function useSample(url: string): SampleState {
  const [state, setState] = useState<{ readonly url: string; readonly value: SampleState } | null>(null);
  useEffect(() => {
    let live = true;
    sampleRaster(url).then(
      (sample) => {
        if (live) setState({ url, value: { state: 'ready', sample } });
      },
      () => {
        if (live) setState({ url, value: { state: 'failed' } });
      },
    );
    return () => {
      live = false;
    };
  }, [url]);
  return state?.url === url ? state.value : { state: 'loading' };
}

const gradient = (name: (typeof RAMP_NAMES)[number]): string =>
  `linear-gradient(to right, ${RAMPS[name].map(([at, c]) => `${cssColour(c)} ${String(at * 100)}%`).join(', ')})`;

function StretchFields({
  stretch,
  onChange,
}: {
  readonly stretch: Stretch;
  readonly onChange: (s: Stretch) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('style.stretch')}>
      <Radio.Group
        data-testid="style-stretch"
        value={stretch.kind}
        onChange={(e) => {
          const kind = e.target.value as Stretch['kind'];
          onChange(
            kind === 'minmax'
              ? { kind }
              : kind === 'percentile'
                ? { kind, low: 2, high: 98 }
                : { kind, min: 0, max: 1 },
          );
        }}
        options={(['minmax', 'percentile', 'custom'] as const).map((k) => ({
          value: k,
          label: t(`style.stretches.${k}`),
        }))}
      />
      {stretch.kind === 'percentile' ? (
        <Space className="style-row" wrap>
          <InputNumber
            className="style-number"
            data-testid="style-percentile-low"
            prefix={t('style.low')}
            suffix="%"
            min={0}
            max={stretch.high - 0.5}
            step={0.5}
            value={stretch.low}
            onChange={(v) => {
              if (typeof v === 'number') onChange({ ...stretch, low: v });
            }}
          />
          <InputNumber
            className="style-number"
            data-testid="style-percentile-high"
            prefix={t('style.high')}
            suffix="%"
            min={stretch.low + 0.5}
            max={100}
            step={0.5}
            value={stretch.high}
            onChange={(v) => {
              if (typeof v === 'number') onChange({ ...stretch, high: v });
            }}
          />
        </Space>
      ) : null}
      {stretch.kind === 'custom' ? (
        <Space className="style-row" wrap>
          <InputNumber
            className="style-number"
            data-testid="style-custom-min"
            prefix={t('style.min')}
            value={stretch.min}
            onChange={(v) => {
              if (typeof v === 'number' && v < stretch.max) onChange({ ...stretch, min: v });
            }}
          />
          <InputNumber
            className="style-number"
            data-testid="style-custom-max"
            prefix={t('style.max')}
            value={stretch.max}
            onChange={(v) => {
              if (typeof v === 'number' && v > stretch.min) onChange({ ...stretch, max: v });
            }}
          />
        </Space>
      ) : null}
    </Form.Item>
  );
}

function HillshadeFields({
  shade,
  onChange,
}: {
  readonly shade: Hillshade | null;
  readonly onChange: (h: Hillshade | null) => void;
}) {
  const { t } = useTranslation();
  const number = (key: keyof Hillshade, min: number, max: number, step: number) => (
    <InputNumber
      className="style-number"
      data-testid={`style-hillshade-${key}`}
      prefix={t(`style.${key}`)}
      min={min}
      max={max}
      step={step}
      value={shade?.[key] ?? null}
      onChange={(v) => {
        if (shade && typeof v === 'number') onChange({ ...shade, [key]: v });
      }}
    />
  );
  return (
    <Form.Item label={t('style.hillshade')}>
      <Switch
        data-testid="style-hillshade"
        checked={shade !== null}
        onChange={(on) => {
          onChange(on ? DEFAULT_HILLSHADE : null);
        }}
      />
      {shade ? (
        <Space orientation="vertical" className="style-row">
          {number('azimuth', 0, 360, 15)}
          {number('altitude', 0, 90, 5)}
          {number('zFactor', 0.01, 100, 0.5)}
        </Space>
      ) : null}
    </Form.Item>
  );
}

/** Raster renderer: colour ramp (+ hillshade), RGB band mapping or the file's palette; histogram of the shown band. */
export function RasterStyleForm({ url, style, onChange }: RasterStyleFormProps) {
  const { t } = useTranslation();
  const sample = useSample(url);
  if (sample.state === 'loading') return <Spin className="center-spin" description={t('style.loading')} />;
  if (sample.state === 'failed') return <Alert type="warning" showIcon title={t('style.sampleFailed')} />;
  const facts = sample.sample;
  const current = style ?? defaultRasterStyle(facts);
  const bandOptions = Array.from({ length: facts.bandCount }, (_, i) => ({
    value: i + 1,
    label: t('style.bandN', { n: i + 1 }),
  }));
  const shownBand = current.kind === 'rgb' ? current.bands[0] : current.band;
  const shownStats = facts.stats[shownBand - 1];
  const range =
    current.kind === 'palette' || !shownStats ? null : resolveStretch(current.stretch, shownStats);
  const kinds = (['ramp', 'rgb', 'palette'] as const).filter(
    (k) => (k !== 'palette' || facts.hasColourTable) && (k !== 'rgb' || facts.bandCount >= 3),
  );
  return (
    <Form layout="vertical" size="small" className="style-form" data-testid="raster-style-form">
      <Form.Item label={t('style.renderer')}>
        <Radio.Group
          data-testid="style-raster-kind"
          value={current.kind}
          optionType="button"
          onChange={(e) => {
            const kind = e.target.value as RasterStyle['kind'];
            if (kind === 'palette') onChange({ kind, band: 1 });
            else if (kind === 'rgb') onChange({ kind, bands: [1, 2, 3], stretch: { kind: 'minmax' } });
            else onChange({ kind, band: 1, ramp: 'elevation', stretch: { kind: 'minmax' }, hillshade: null });
          }}
          options={kinds.map((k) => ({ value: k, label: t(`style.kinds.${k}`) }))}
        />
      </Form.Item>
      {current.kind === 'ramp' ? (
        <>
          <Form.Item label={t('style.band')}>
            <Select
              data-testid="style-band"
              value={current.band}
              options={bandOptions}
              onChange={(band: number) => {
                onChange({ ...current, band });
              }}
            />
          </Form.Item>
          <Form.Item label={t('style.ramp')}>
            <Select
              data-testid="style-ramp"
              value={current.ramp}
              onChange={(ramp: (typeof RAMP_NAMES)[number]) => {
                onChange({ ...current, ramp });
              }}
              options={RAMP_NAMES.map((name) => ({
                value: name,
                title: t(`style.ramps.${name}`),
                label: (
                  <span className="style-ramp-option">
                    <span className="style-ramp-swatch" style={{ background: gradient(name) }} />
                    {t(`style.ramps.${name}`)}
                  </span>
                ),
              }))}
            />
          </Form.Item>
          <StretchFields
            stretch={current.stretch}
            onChange={(stretch) => {
              onChange({ ...current, stretch });
            }}
          />
          <HillshadeFields
            shade={current.hillshade}
            onChange={(hillshade) => {
              onChange({ ...current, hillshade });
            }}
          />
        </>
      ) : null}
      {current.kind === 'rgb' ? (
        <>
          <Form.Item label={t('style.band')}>
            <Space className="style-row" wrap>
              {(['red', 'green', 'blue'] as const).map((channel, i) => (
                <Select
                  key={channel}
                  data-testid={`style-rgb-${channel}`}
                  prefix={t(`style.${channel}`)}
                  value={current.bands[i] ?? null}
                  options={bandOptions}
                  onChange={(band: number) => {
                    const bands: [number, number, number] = [...current.bands];
                    bands[i] = band;
                    onChange({ ...current, bands });
                  }}
                />
              ))}
            </Space>
          </Form.Item>
          <StretchFields
            stretch={current.stretch}
            onChange={(stretch) => {
              onChange({ ...current, stretch });
            }}
          />
        </>
      ) : null}
      {shownStats ? <Histogram band={shownBand} stats={shownStats} range={range} /> : null}
      <div className="muted style-sample-note" data-testid="style-sample-note">
        {t('style.histogramFrom', {
          width: facts.level.width,
          height: facts.level.height,
          level: facts.level.overview ? t('style.overview') : t('style.fullLevel'),
          count: shownStats?.count ?? 0,
        })}
      </div>
    </Form>
  );
}
