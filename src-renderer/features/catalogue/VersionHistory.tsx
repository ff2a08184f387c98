import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordVersion } from '../../../src-main/api/types.js';
import { formatTime } from '../../ui/format.js';
import { LevelTag } from '../../ui/LevelTag.js';

/** 版本历史: every saved version, newest first. */
export function VersionHistory({
  versions,
  current,
}: {
  readonly versions: readonly RecordVersion[];
  readonly current: number;
}) {
  const { t } = useTranslation();
  const rows = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div className="section">
      <div className="section-title">{t('catalogue.history')}</div>
      <Table<RecordVersion>
        data-testid="version-history"
        size="small"
        pagination={false}
        rowKey="version"
        dataSource={rows}
        rowClassName={(r) => (r.version === current ? 'current-version' : '')}
        columns={[
          { title: 'v', dataIndex: 'version', width: 40, render: (v: number) => `v${String(v)}` },
          { title: t('catalogue.title'), dataIndex: ['fields', 'title'], ellipsis: true },
          {
            title: t('catalogue.marking'),
            dataIndex: 'marking',
            width: 96,
            render: (_m: string, r) => <LevelTag level={r.fields.level} period={r.fields.period} />,
          },
          { title: t('catalogue.author'), dataIndex: 'author', width: 72, ellipsis: true },
          {
            title: t('catalogue.time'),
            dataIndex: 'createdAt',
            width: 136,
            render: (v: string) => formatTime(v),
          },
        ]}
      />
    </div>
  );
}
