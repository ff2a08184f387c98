import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_NAME_PATTERN, type Role } from '../../../src-main/api/caller.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { RoleSelect } from './role-options.js';

interface NewAccountValues {
  name: string;
  displayName: string;
  roles: Role[];
  password: string;
}

/** 添加账户: name, display name, roles and the initial password the user will change. */
export function AddAccountForm({ onAdded }: { readonly onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useActions();
  const [form] = Form.useForm<NewAccountValues>();
  const add = useAsyncAction(async (values: NewAccountValues) => {
    const added = await actions.api['users.add']({
      name: values.name.trim(),
      displayName: values.displayName.trim(),
      roles: values.roles,
      password: values.password,
    });
    form.resetFields();
    void message.success(t('accounts.added', { name: added.name }));
    await onAdded();
  });
  return (
    <Card size="small" title={t('accounts.addTitle')} className="add-account">
      <Form<NewAccountValues>
        form={form}
        layout="inline"
        data-testid="account-add-form"
        initialValues={{ displayName: '', roles: [] }}
        disabled={add.busy}
        onFinish={(values) => {
          void add.run(values);
        }}
      >
        <Form.Item
          name="name"
          label={t('accounts.name')}
          tooltip={t('accounts.nameRule')}
          rules={[
            { required: true, message: t('accounts.nameRequired') },
            { pattern: ACCOUNT_NAME_PATTERN, message: t('accounts.nameRule') },
          ]}
        >
          <Input autoComplete="off" data-testid="account-name" />
        </Form.Item>
        <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ max: 200 }]}>
          <Input autoComplete="off" data-testid="account-display-name" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('accounts.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('accounts.rolesRequired') }]}
        >
          <RoleSelect testId="account-roles" ariaLabel={t('accounts.roles')} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('accounts.initialPassword')}
          rules={[
            { required: true, message: t('password.required') },
            { min: 8, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-password" />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<UserAddOutlined />}
            loading={add.busy}
            data-testid="account-add"
          >
            {t('accounts.create')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={add.error} testId="account-add-error" />
    </Card>
  );
}
