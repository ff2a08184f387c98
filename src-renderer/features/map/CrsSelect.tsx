import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CrsDefinition } from '../../../src-main/api/types.js';
import { crsLabel } from './crs-label.js';

export interface CrsSelectProps {
  readonly value: string;
  readonly choices: readonly CrsDefinition[];
  readonly onChange: (code: string) => void;
  readonly label: string;
  readonly testId: string;
}

/**
 * A CRS chosen from the short list (ADR 0115). The searchable picker over the whole EPSG set
 * (features/crs/CrsPicker) replaces this list when it lands; the props stay the same.
 */
export function CrsSelect({ value, choices, onChange, label, testId }: CrsSelectProps) {
  const { t } = useTranslation();
  const known = choices.some((c) => c.code === value);
  return (
    <Select
      size="small"
      variant="borderless"
      aria-label={label}
      data-testid={testId}
      value={value}
      popupMatchSelectWidth={false}
      onChange={onChange}
      options={[
        ...choices.map((c) => ({ value: c.code, label: crsLabel(c, t), title: c.code })),
        // A remembered choice whose dataset is not loaded (yet) stays shown by its code.
        ...(known ? [] : [{ value, label: value, title: value }]),
      ]}
      labelRender={({ value: code }) => String(code)}
    />
  );
}
