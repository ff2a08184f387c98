import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-main/api/caller.js';
import type { AccountView } from '../../../src-main/api/types.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { RoleSelect } from './role-options.js';

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean =>
  a.length === b.length && a.every((role) => b.includes(role));

/**
 * One account's roles, editable, with 保存角色 and 停用 (users.setRole, users.disable). A disabled
 * or untrusted account is shown, not changed: the service would refuse it.
 */
export function AccountActions({
  account,
  onChanged,
}: {
  readonly account: AccountView;
  readonly onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useActions();
  const [roles, setRoles] = useState<readonly Role[]>(account.roles);
  const frozen = account.disabled || !account.trusted;
  const save = useAsyncAction(async () => {
    await actions.api['users.setRole']({ name: account.name, roles: [...roles] });
    void message.success(t('accounts.rolesSaved', { name: account.name }));
    await onChanged();
  });
  const disable = useAsyncAction(async () => {
    await actions.api['users.disable']({ name: account.name });
    void message.success(t('accounts.disabledDone', { name: account.name }));
    await onChanged();
  });
  const id = account.name;
  return (
    <div className="account-actions">
      <Space wrap>
        <RoleSelect
          value={roles}
          onChange={setRoles}
          testId={`account-roles-${id}`}
          ariaLabel={t('accounts.setRole')}
        />
        <Button
          size="small"
          disabled={frozen || roles.length === 0 || sameRoles(roles, account.roles)}
          loading={save.busy}
          data-testid={`account-save-roles-${id}`}
          onClick={() => {
            void save.run();
          }}
        >
          {t('accounts.saveRoles')}
        </Button>
        <Popconfirm
          title={t('accounts.disableConfirm', { name: id })}
          okText={t('accounts.disable')}
          cancelText={t('accounts.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => {
            void disable.run();
          }}
        >
          <Button
            size="small"
            danger
            disabled={frozen}
            loading={disable.busy}
            data-testid={`account-disable-${id}`}
          >
            {t('accounts.disable')}
          </Button>
        </Popconfirm>
      </Space>
      <ErrorAlert error={save.error ?? disable.error} testId={`account-error-${id}`} />
    </div>
  );
}
