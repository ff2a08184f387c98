import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { useAsyncAction } from '../../ui/use-async-action.js';

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: one's own password (users.changePassword re-wraps one's key under the new one). */
export function ChangePasswordDialog({
  open,
  onClose,
}: {
  readonly open: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useActions();
  const [form] = Form.useForm<PasswordValues>();
  const change = useAsyncAction(async ({ oldPassword, newPassword }: PasswordValues) => {
    await actions.api['users.changePassword']({ oldPassword, newPassword });
    form.resetFields();
    onClose();
    void message.success(t('password.changed'));
  });
  const cancel = (): void => {
    form.resetFields();
    change.clearError();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('password.title')}
      destroyOnHidden
      onCancel={cancel}
      data-testid="password-dialog"
      footer={
        <Space>
          <Button onClick={cancel}>{t('password.cancel')}</Button>
          <Button
            type="primary"
            loading={change.busy}
            data-testid="password-save"
            onClick={() => {
              form.submit();
            }}
          >
            {t('password.save')}
          </Button>
        </Space>
      }
    >
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        data-testid="password-form"
        onFinish={(values) => {
          void change.run(values);
        }}
      >
        <Form.Item
          name="oldPassword"
          label={t('password.old')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-old" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rules')}
          rules={[
            { required: true, message: t('password.required') },
            { min: 8, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <ErrorAlert error={change.error} testId="password-error" />
      </Form>
    </Modal>
  );
}
