import { Alert, Button, Form, InputNumber, Radio, Select, Slider, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetDetail } from '../../../src-main/api/types.js';
import { categorised, distinctValues, graduated, numericValues } from '../../map/style/classify.js';
import { featureRows } from '../../map/style/feature-rows.js';
import {
  PALETTE_NAMES,
  RAMP_NAMES,
  type PaletteName,
  type RampName,
  type Rgb,
  type VectorRenderer,
  type VectorStyle,
} from '../../map/style/model.js';
import { cssColour, hexColour, parseHexColour } from '../../map/style/ramps.js';

export interface VectorStyleFormProps {
  readonly datasetId: string;
  readonly fields: DatasetDetail['fields'];
  readonly style: VectorStyle;
  readonly onChange: (style: VectorStyle) => void;
}

const OTHER: Rgb = [190, 190, 190];

function ColourInput({
  value,
  onChange,
  testId,
}: {
  readonly value: Rgb;
  readonly onChange: (c: Rgb) => void;
  readonly testId: string;
}) {
  return (
    <input
      type="color"
      className="style-colour"
      data-testid={testId}
      value={hexColour(value)}
      onChange={(e) => {
        const c = parseHexColour(e.target.value);
        if (c) onChange(c);
      }}
    />
  );
}

function Legend({ renderer }: { readonly renderer: VectorRenderer }) {
  const { t } = useTranslation();
  if (renderer.kind === 'single') return null;
  const rows =
    renderer.kind === 'categorised'
      ? renderer.classes.map((c) => ({
          colour: c.colour,
          label: c.value === null || c.value === '' ? t('style.empty') : String(c.value),
        }))
      : renderer.classes.map((c) => ({ colour: c.colour, label: `${String(c.min)} – ${String(c.max)}` }));
  return (
    <ul className="style-legend" data-testid="style-legend">
      {[...rows, { colour: renderer.otherColour, label: t('style.other') }].map((row, i) => (
        <li key={i}>
          <span className="style-swatch" style={{ background: cssColour(row.colour) }} />
          {row.label}
        </li>
      ))}
    </ul>
  );
}

/** Vector renderer (single symbol, categorised, graduated) and labels from a field. */
export function VectorStyleForm({ datasetId, fields, style, onChange }: VectorStyleFormProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<VectorRenderer['kind']>(style.renderer.kind);
  const [field, setField] = useState<string | null>(
    style.renderer.kind === 'single' ? (fields[0]?.name ?? null) : style.renderer.field,
  );
  const [palette, setPalette] = useState<PaletteName>(
    style.renderer.kind === 'categorised' ? style.renderer.palette : 'dark2',
  );
  const [method, setMethod] = useState<'equal' | 'quantile'>(
    style.renderer.kind === 'graduated' ? style.renderer.method : 'equal',
  );
  const [ramp, setRamp] = useState<RampName>(
    style.renderer.kind === 'graduated' ? style.renderer.ramp : 'reds',
  );
  const [count, setCount] = useState(
    style.renderer.kind === 'graduated' ? Math.max(1, style.renderer.classes.length) : 5,
  );
  const [problem, setProblem] = useState<'style.noFeatures' | 'style.noNumbers' | null>(null);
  const fieldOptions = (numeric: boolean) =>
    fields
      .filter((f) => !numeric || f.type === 'number' || f.type === 'string')
      .map((f) => ({ value: f.name, label: f.name }));

  const classify = (): void => {
    if (field === null) return;
    const rows = featureRows(datasetId);
    if (rows.length === 0) {
      setProblem('style.noFeatures');
      return;
    }
    if (kind === 'categorised') {
      setProblem(null);
      onChange({ ...style, renderer: categorised(field, distinctValues(rows, field), palette, OTHER) });
      return;
    }
    const values = numericValues(rows, field);
    if (values.length === 0) {
      setProblem('style.noNumbers');
      return;
    }
    setProblem(null);
    onChange({ ...style, renderer: graduated(field, values, method, count, ramp, OTHER) });
  };

  const single = style.renderer.kind === 'single' ? style.renderer.colour : style.renderer.otherColour;
  return (
    <Form layout="vertical" size="small" className="style-form" data-testid="vector-style-form">
      <Form.Item label={t('style.renderer')}>
        <Radio.Group
          data-testid="style-vector-kind"
          optionType="button"
          value={kind}
          onChange={(e) => {
            const next = e.target.value as VectorRenderer['kind'];
            setKind(next);
            setProblem(null);
            if (next === 'single') onChange({ ...style, renderer: { kind: 'single', colour: single } });
          }}
          options={(['single', 'categorised', 'graduated'] as const).map((k) => ({
            value: k,
            label: t(`style.${k}`),
          }))}
        />
      </Form.Item>
      {kind === 'single' && style.renderer.kind === 'single' ? (
        <Form.Item label={t('style.colour')}>
          <ColourInput
            testId="style-single-colour"
            value={style.renderer.colour}
            onChange={(colour) => {
              onChange({ ...style, renderer: { kind: 'single', colour } });
            }}
          />
        </Form.Item>
      ) : null}
      {kind !== 'single' ? (
        <>
          <Form.Item label={t('style.field')}>
            <Select
              data-testid="style-field"
              value={field}
              options={fieldOptions(kind === 'graduated')}
              onChange={setField}
            />
          </Form.Item>
          {kind === 'categorised' ? (
            <Form.Item label={t('style.palette')}>
              <Select
                data-testid="style-palette"
                value={palette}
                onChange={setPalette}
                options={PALETTE_NAMES.map((p) => ({ value: p, label: t(`style.palettes.${p}`) }))}
              />
            </Form.Item>
          ) : (
            <Space className="style-row" wrap>
              <Select
                data-testid="style-method"
                value={method}
                onChange={setMethod}
                options={(['equal', 'quantile'] as const).map((m) => ({
                  value: m,
                  label: t(`style.methods.${m}`),
                }))}
              />
              <InputNumber
                className="style-number"
                data-testid="style-class-count"
                prefix={t('style.classes')}
                min={1}
                max={12}
                value={count}
                onChange={(v) => {
                  if (typeof v === 'number') setCount(v);
                }}
              />
              <Select
                data-testid="style-graduated-ramp"
                value={ramp}
                onChange={setRamp}
                options={RAMP_NAMES.map((r) => ({ value: r, label: t(`style.ramps.${r}`) }))}
              />
            </Space>
          )}
          <Button data-testid="style-classify" disabled={field === null} onClick={classify}>
            {t('style.classify')}
          </Button>
          {problem ? <Alert className="style-row" type="warning" showIcon title={t(problem)} /> : null}
          {style.renderer.kind === kind ? <Legend renderer={style.renderer} /> : null}
        </>
      ) : null}
      <Form.Item label={t('style.fillOpacity')}>
        <Slider
          data-testid="style-fill-opacity"
          min={0}
          max={1}
          step={0.05}
          value={style.fillOpacity}
          onChange={(fillOpacity: number) => {
            onChange({ ...style, fillOpacity });
          }}
        />
      </Form.Item>
      <Form.Item label={t('style.labels')}>
        <Switch
          data-testid="style-labels"
          checked={style.labels !== null}
          disabled={fields.length === 0}
          onChange={(on) => {
            const first = fields.find((f) => f.type === 'string') ?? fields[0];
            onChange({
              ...style,
              labels: on && first ? { field: first.name, size: 13, colour: [34, 34, 34] } : null,
            });
          }}
        />
        {style.labels ? (
          <Space className="style-row" wrap>
            <Select
              data-testid="style-label-field"
              placeholder={t('style.labelField')}
              value={style.labels.field}
              options={fieldOptions(false)}
              onChange={(labelField: string) => {
                if (style.labels) onChange({ ...style, labels: { ...style.labels, field: labelField } });
              }}
            />
            <InputNumber
              className="style-number"
              data-testid="style-label-size"
              prefix={t('style.labelSize')}
              min={6}
              max={72}
              value={style.labels.size}
              onChange={(size) => {
                if (style.labels && typeof size === 'number')
                  onChange({ ...style, labels: { ...style.labels, size } });
              }}
            />
            <ColourInput
              testId="style-label-colour"
              value={style.labels.colour}
              onChange={(colour) => {
                if (style.labels) onChange({ ...style, labels: { ...style.labels, colour } });
              }}
            />
          </Space>
        ) : null}
      </Form.Item>
    </Form>
  );
}
