import { Alert, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDiff } from '../../../src-main/api/record-history.js';
import type { RecordVersion } from '../../../src-main/api/types.js';
import { useActions, useCallable, useReadOnly } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { formatTime } from '../../ui/format.js';
import { LevelTag } from '../../ui/LevelTag.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { RecordDiffView } from './RecordDiffView.js';

/**
 * 版本历史: every saved version, newest first. Two ticked versions are compared field by field;
 * a curator restores an earlier one as a new version (ADR 0184).
 */
export function VersionHistory({
  id,
  versions,
  current,
}: {
  readonly id: string;
  readonly versions: readonly RecordVersion[];
  readonly current: number;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const callable = useCallable('catalogue.restoreVersion');
  const readOnly = useReadOnly();
  const mayRestore = callable && !readOnly;
  const rows = [...versions].sort((a, b) => b.version - a.version);
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<RecordDiff | null>(null);
  const [restored, setRestored] = useState<{ from: number; version: number } | null>(null);
  const compare = useAsyncAction(async () => {
    const [from, to] = [...picked].sort((a, b) => a - b);
    if (from === undefined || to === undefined) return;
    setDiff(await actions.api['catalogue.diff']({ id, from, to }));
  });
  const restore = useAsyncAction(async (version: number) => {
    const change = await actions.api['catalogue.restoreVersion']({ id, version, baseVersion: current });
    setRestored({ from: version, version: change.record.version });
    setDiff(null);
    await actions.refreshDataset(id);
  });
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
        rowSelection={{
          selectedRowKeys: picked,
          hideSelectAll: true,
          // The last two ticked are compared.
          onChange: (keys) => {
            setPicked(keys.map(Number).slice(-2));
          },
        }}
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
          ...(mayRestore
            ? [
                {
                  key: 'restore',
                  width: 96,
                  render: (_v: unknown, r: RecordVersion) =>
                    r.version === current ? null : (
                      <Button
                        size="small"
                        data-testid={`restore-version-${String(r.version)}`}
                        disabled={restore.busy}
                        onClick={() => void restore.run(r.version)}
                      >
                        {t('catalogue.restore')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button
          size="small"
          data-testid="compare-versions"
          disabled={picked.length !== 2 || compare.busy}
          onClick={() => void compare.run()}
        >
          {t('catalogue.compare')}
        </Button>
        {picked.length === 2 ? null : <span className="hint">{t('catalogue.selectTwo')}</span>}
      </Space>
      {restored ? (
        <Alert
          type="success"
          showIcon
          data-testid="restore-result"
          title={t('catalogue.restored', restored)}
        />
      ) : null}
      <ErrorAlert error={compare.error ?? restore.error} testId="history-error" />
      {diff ? <RecordDiffView diff={diff} /> : null}
    </div>
  );
}
