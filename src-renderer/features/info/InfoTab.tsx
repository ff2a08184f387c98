import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetDetail } from '../../../src-main/api/types.js';
import { useAppStore } from '../../state/app-store.js';
import { DESCRIPTION_LABEL, formatBytes, formatNumber, formatTime } from '../../ui/format.js';
import { AssignCrs } from '../crs/AssignCrs.js';

/** 信息: what the loader learnt from the file, read-only. */
export function InfoTab({ detail }: { readonly detail: DatasetDetail }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const s = detail.summary;
  const extent = s.extent
    ? s.extent.map((v) => formatNumber(v, lang, Math.abs(v) < 1000 ? 6 : 2)).join(', ')
    : '—';
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'id', label: t('info.id'), children: <Typography.Text copyable>{s.id}</Typography.Text> },
    { key: 'format', label: t('info.format'), children: s.format },
    { key: 'kind', label: t('info.kind'), children: t(`kind.${s.kind}`) },
    {
      key: 'crs',
      label: t('info.crs'),
      children: (
        <>
          <span data-testid="info-crs">
            {s.crs ? `${s.crs}${s.crsName ? ` · ${s.crsName}` : ''}` : (s.crsName ?? t('info.crsNone'))}
            {detail.crsAssignment ? ` (${t('crs.assignedBy', { by: detail.crsAssignment.by })})` : ''}
          </span>
          <AssignCrs detail={detail} />
        </>
      ),
    },
    { key: 'extent', label: t('info.extent'), children: <span className="mono">{extent}</span> },
  ];
  if (s.kind === 'raster') {
    items.push(
      {
        key: 'size',
        label: t('info.size'),
        children:
          s.width !== undefined && s.height !== undefined
            ? `${formatNumber(s.width, lang)} × ${formatNumber(s.height, lang)}`
            : '—',
      },
      { key: 'bands', label: t('info.bands'), children: s.bandCount ?? '—' },
      { key: 'dataType', label: t('info.dataType'), children: s.dataType ?? '—' },
      {
        key: 'pixelSize',
        label: t('info.pixelSize'),
        children: s.pixelSize
          ? s.pixelSize.map((v) => formatNumber(v, lang, v < 1 ? 8 : 3)).join(' × ')
          : '—',
      },
    );
  } else {
    items.push(
      {
        key: 'features',
        label: t('info.features'),
        children: s.featureCount !== undefined ? formatNumber(s.featureCount, lang) : '—',
      },
      {
        key: 'geometry',
        label: t('info.geometry'),
        children: s.geometryType ? t(`geometry.${s.geometryType}`) : '—',
      },
      {
        key: 'fields',
        label: t('info.fields'),
        children: detail.fields.map((f) => f.name).join(t('common.listSeparator')) || '—',
      },
    );
  }
  items.push(
    {
      key: 'bytes',
      label: t('info.bytes'),
      children: t('info.bytesValue', {
        size: formatBytes(s.byteSize),
        bytes: formatNumber(s.byteSize, lang),
      }),
    },
    { key: 'created', label: t('info.created'), children: formatTime(s.createdAt) },
    {
      key: 'sha256',
      label: t('info.sha256'),
      children: (
        <Typography.Text copyable className="mono hash" data-testid="info-sha256">
          {s.sha256}
        </Typography.Text>
      ),
    },
  );
  return (
    <div className="tab-body">
      <Descriptions
        data-testid="info-table"
        size="small"
        column={1}
        bordered
        items={items}
        styles={{ label: DESCRIPTION_LABEL }}
      />
    </div>
  );
}
