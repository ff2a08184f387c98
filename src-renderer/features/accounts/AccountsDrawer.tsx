import { Drawer, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../src-main/api/types.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { formatTime } from '../../ui/format.js';
import { AccountActions } from './AccountActions.js';
import { AddAccountForm } from './AddAccountForm.js';
import { CatalogueBackupCard } from './CatalogueBackupCard.js';

function StateTag({ account }: { readonly account: AccountView }) {
  const { t } = useTranslation();
  if (!account.trusted) return <Tag color="error">{t('accounts.untrusted')}</Tag>;
  if (account.disabled) return <Tag>{t('accounts.disabled')}</Tag>;
  if (account.lockedUntil !== null)
    return <Tag color="warning">{t('accounts.locked', { until: formatTime(account.lockedUntil) })}</Tag>;
  return <Tag color="success">{t('accounts.active')}</Tag>;
}

/** 账户管理 (administrators): every account, its state and roles, and a form to add one (ADR 0175). */
export function AccountsDrawer({
  open,
  self,
  onClose,
}: {
  readonly open: boolean;
  /** The administrator looking, marked in the list. */
  readonly self: string;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [accounts, setAccounts] = useState<readonly AccountView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Bumped after each change, to read the list again.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!open) return undefined;
    let current = true;
    actions.api['users.list']({}).then(
      (list) => {
        if (!current) return;
        setAccounts(list);
        setError(null);
      },
      (caught: unknown) => {
        if (current) setError(caught);
      },
    );
    return () => {
      current = false;
    };
  }, [open, actions, generation]);
  const load = (): Promise<void> => {
    setGeneration((g) => g + 1);
    return Promise.resolve();
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('accounts.title')}
      size={980}
      destroyOnHidden
      data-testid="accounts-drawer"
    >
      <ErrorAlert error={error} testId="accounts-error" />
      <Table<AccountView>
        size="small"
        rowKey="name"
        loading={accounts === null && error === null}
        dataSource={accounts ?? []}
        pagination={false}
        data-testid="accounts-table"
        onRow={(account) => ({ 'data-testid': `account-row-${account.name}` }) as object}
        columns={[
          {
            key: 'name',
            title: t('accounts.name'),
            render: (_v, account) => (
              <span>
                <strong>{account.name}</strong>
                {account.name === self ? <span className="muted">{t('accounts.you')}</span> : null}
                {account.displayName === '' ? null : <div className="muted">{account.displayName}</div>}
              </span>
            ),
          },
          {
            key: 'state',
            title: t('accounts.state'),
            render: (_v, account) => <StateTag account={account} />,
          },
          {
            key: 'created',
            title: t('accounts.createdAt'),
            render: (_v, account) => (
              <span className="muted">
                {formatTime(account.createdAt)} · {account.createdBy}
              </span>
            ),
          },
          {
            key: 'roles',
            title: t('accounts.roles'),
            // Keyed by revision: a saved change shows what the service stored.
            render: (_v, account) => (
              <AccountActions
                key={`${account.name}:${String(account.revision)}`}
                account={account}
                onChanged={load}
              />
            ),
          },
        ]}
      />
      <AddAccountForm onAdded={load} />
      <CatalogueBackupCard />
    </Drawer>
  );
}
