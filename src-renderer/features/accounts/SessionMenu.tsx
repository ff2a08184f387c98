import { DownOutlined, KeyOutlined, LogoutOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../../src-main/api/types.js';
import { useActions, useCallable } from '../../state/use-actions.js';
import { AccountsDrawer } from './AccountsDrawer.js';
import { ChangePasswordDialog } from './ChangePasswordDialog.js';
import { rolesText } from './role-text.js';

/**
 * The logged-in user in the top bar (ADR 0175): name and roles, and the menu to change one's
 * password, manage accounts (administrators only) and log out. Logging out reloads the page, so
 * nothing the user saw stays in memory for the next one.
 */
export function SessionMenu({ info }: { readonly info: SystemInfo }) {
  const { t } = useTranslation();
  const actions = useActions();
  const mayManage = useCallable('users.list');
  const [open, setOpen] = useState<'password' | 'accounts' | null>(null);
  const close = (): void => {
    setOpen(null);
  };
  const items: MenuProps['items'] = [
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-password">{t('session.changePassword')}</span>,
    },
    ...(mayManage
      ? [
          {
            key: 'accounts',
            icon: <TeamOutlined />,
            label: <span data-testid="menu-accounts">{t('session.manageAccounts')}</span>,
          },
        ]
      : []),
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="menu-logout">{t('session.logout')}</span>,
    },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'logout') {
      void actions.api['session.logout']({}).finally(() => {
        window.location.reload();
      });
      return;
    }
    setOpen(key === 'accounts' ? 'accounts' : 'password');
  };
  const roles = rolesText(info.roles, t('common.listSeparator'));
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button type="text" className="session-button" data-testid="session-menu" data-user={info.user}>
          <UserOutlined />
          <span data-testid="user-name">{info.user}</span>
          <span className="session-roles" data-testid="user-roles" title={t('session.roles', { roles })}>
            {roles}
          </span>
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordDialog open={open === 'password'} onClose={close} />
      {mayManage ? <AccountsDrawer open={open === 'accounts'} self={info.user} onClose={close} /> : null}
    </>
  );
}
