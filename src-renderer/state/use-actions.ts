import { useMemo } from 'react';
import type { ApiClient, MethodName } from '../../src-main/api/contract.js';
import type { DatasetDetail } from '../../src-main/api/types.js';
import { usePlatform } from '../platform/platform-context.js';
import { putDetail, setAudit, setDatasets, setInfo, setListLoading, useAppStore } from './app-store.js';

export interface Actions {
  readonly api: ApiClient;
  /**
   * system.info, then (unless the host wants a login first: 'login') audit.verify + datasets.list;
   * throws when the host is unreachable.
   */
  start(): Promise<'ready' | 'login'>;
  refreshList(): Promise<void>;
  loadDetail(id: string): Promise<DatasetDetail>;
  verifyAudit(): Promise<void>;
  /** Re-reads a dataset and the list after a change (save, review, release, export). */
  refreshDataset(id: string): Promise<DatasetDetail>;
}

function createActions(api: ApiClient): Actions {
  const refreshList = async (): Promise<void> => {
    setListLoading(true);
    try {
      setDatasets(await api['datasets.list']({ all: useAppStore.getState().listAll }));
    } finally {
      setListLoading(false);
    }
  };
  const loadDetail = async (id: string): Promise<DatasetDetail> => {
    const detail = await api['datasets.get']({ id });
    putDetail(detail);
    return detail;
  };
  const verifyAudit = async (): Promise<void> => {
    setAudit({ state: 'checking' });
    try {
      setAudit({ state: 'done', result: await api['audit.verify']({}) });
    } catch (error) {
      setAudit({ state: 'unknown' });
      throw error;
    }
  };
  return {
    api,
    async start() {
      const info = await api['system.info']({});
      setInfo(info);
      if (info.accountsEnabled && info.user === '') return 'login';
      await Promise.all([refreshList(), verifyAudit()]);
      return 'ready';
    },
    refreshList,
    loadDetail,
    verifyAudit,
    async refreshDataset(id) {
      const [detail] = await Promise.all([loadDetail(id), refreshList()]);
      // A change may have moved the audit head or exposed a broken chain: keep the badge honest.
      void verifyAudit().catch(() => undefined);
      return detail;
    },
  };
}

export function useActions(): Actions {
  const { api } = usePlatform();
  return useMemo(() => createActions(api), [api]);
}

/** True when the host refuses changes (audit chain broken). */
export function useReadOnly(): boolean {
  return useAppStore((s) => s.info?.readOnly === true || (s.audit.state === 'done' && !s.audit.result.ok));
}

/**
 * True when the caller's roles allow `method` (system.info's `callable`, ADR 0175): what the UI
 * offers. The main process checks every call whatever the UI shows.
 */
export function useCallable(method: MethodName): boolean {
  return useAppStore((s) => s.info?.callable.includes(method) === true);
}
