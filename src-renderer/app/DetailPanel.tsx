import { Empty, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogueTab } from '../features/catalogue/CatalogueTab.js';
import { StandingSection } from '../features/catalogue/StandingSection.js';
import { ExportTab } from '../features/exchange/ExportTab.js';
import { InfoTab } from '../features/info/InfoTab.js';
import { ReleaseTab } from '../features/release/ReleaseTab.js';
import { ReviewTab } from '../features/review/ReviewTab.js';
import { StyleButton } from '../features/style/StyleButton.js';
import { useAppStore } from '../state/app-store.js';
import { useActions } from '../state/use-actions.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { LevelTag } from '../ui/LevelTag.js';
import { StatusTag } from '../ui/StatusTag.js';
import { datasetTitle } from '../i18n/messages.js';

type TabKey = 'catalogue' | 'info' | 'review' | 'release' | 'export';

/** Right panel: the selected dataset's 著录 / 信息 / 保密审查 / 公开版 / 导出. */
export function DetailPanel() {
  const { t } = useTranslation();
  const actions = useActions();
  const selectedId = useAppStore((s) => s.selectedId);
  const detail = useAppStore((s) => (s.selectedId ? s.details[s.selectedId] : undefined));
  const [tab, setTab] = useState<TabKey>('catalogue');
  const [failure, setFailure] = useState<{ readonly id: string; readonly error: unknown } | null>(null);
  const error = failure && failure.id === selectedId ? failure.error : null;

  // Always re-read on selection: status, review and versions may have changed since cached.
  useEffect(() => {
    if (!selectedId) return;
    actions.loadDetail(selectedId).catch((caught: unknown) => {
      setFailure({ id: selectedId, error: caught });
    });
  }, [selectedId, actions]);

  if (!selectedId) {
    return (
      <section className="panel detail-panel" data-testid="detail-panel">
        <Empty className="detail-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.none')} />
      </section>
    );
  }
  if (!detail) {
    return (
      <section className="panel detail-panel" data-testid="detail-panel">
        {error ? (
          <ErrorAlert error={error} title={t('detail.loadFailed')} testId="detail-error" />
        ) : (
          <Spin className="center-spin" />
        )}
      </section>
    );
  }
  const s = detail.summary;
  const label = (key: TabKey) => <span data-testid={`tab-${key}`}>{t(`detail.tabs.${key}`)}</span>;
  // A withdrawn or archived dataset is not offered for review, release or export (ADR 0171).
  const inUse = s.standing === 'active';
  const shownTab = inUse || tab === 'catalogue' || tab === 'info' ? tab : 'catalogue';
  return (
    <section className="panel detail-panel" data-testid="detail-panel" data-dataset={s.id}>
      <header className="detail-header">
        <div className="detail-title" title={datasetTitle(s)} data-testid="detail-title">
          {datasetTitle(s)}
        </div>
        <div className="detail-tags">
          <LevelTag level={detail.record.fields.level} period={detail.record.fields.period} />
          <StatusTag status={s.status} isSource={s.sourceId === null} />
          <span className="muted">{s.name}</span>
          <StyleButton datasetId={s.id} testId="detail-style" />
        </div>
      </header>
      <StandingSection key={s.id} detail={detail} />
      <Tabs
        className="detail-tabs"
        size="small"
        activeKey={shownTab}
        onChange={(k) => {
          setTab(k as TabKey);
        }}
        items={[
          {
            key: 'catalogue',
            label: label('catalogue'),
            children: <CatalogueTab key={s.id} detail={detail} />,
          },
          { key: 'info', label: label('info'), children: <InfoTab detail={detail} /> },
          {
            key: 'review',
            label: label('review'),
            disabled: !inUse,
            children: <ReviewTab key={s.id} detail={detail} />,
          },
          {
            key: 'release',
            label: label('release'),
            disabled: !inUse,
            children: <ReleaseTab key={s.id} detail={detail} />,
          },
          {
            key: 'export',
            label: label('export'),
            disabled: !inUse,
            children: <ExportTab key={s.id} detail={detail} />,
          },
        ]}
      />
    </section>
  );
}
