import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallContext } from '../../../src-main/api/caller.js';
import { ApiError, type SessionLost } from '../../platform/api-client.js';
import { messageText } from '../../i18n/messages.js';
import { useActions } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { formatTime } from '../../ui/format.js';
import { useAsyncAction } from '../../ui/use-async-action.js';

/** ACCOUNT_LOCKED names the lock's end as stored (UTC); the UI shows times in local time. */
function lockedInLocalTime(error: unknown): unknown {
  const until =
    error instanceof ApiError && error.code === 'ACCOUNT_LOCKED' ? error.params['until'] : undefined;
  return typeof until === 'string' ? new ApiError('ACCOUNT_LOCKED', { until: formatTime(until) }) : error;
}

interface LoginValues {
  name: string;
  password: string;
}

/**
 * The login screen of a workstation with accounts (ADR 0175): user name and password, the
 * refusal (LOGIN_FAILED, ACCOUNT_LOCKED, ACCOUNT_DISABLED) shown translated, and why the user was
 * sent back here when a session ended.
 */
export function LoginScreen({
  lost,
  onLoggedIn,
}: {
  readonly lost: SessionLost | null;
  readonly onLoggedIn: (caller: CallContext) => void;
}) {
  const { t } = useTranslation();
  const actions = useActions();
  const [form] = Form.useForm<LoginValues>();
  const login = useAsyncAction(async ({ name, password }: LoginValues) => {
    const caller = await actions.api['session.login']({ name: name.trim(), password }).catch(
      (error: unknown) => {
        throw lockedInLocalTime(error);
      },
    );
    onLoggedIn(caller);
  });
  return (
    <div className="login-screen" data-testid="login-screen">
      <Card title={t('login.title')} className="login-card">
        <p className="muted">{t('login.hint')}</p>
        {lost === 'SESSION_EXPIRED' ? (
          <Alert
            type="warning"
            showIcon
            data-testid="login-expired"
            title={messageText('error.SESSION_EXPIRED')}
          />
        ) : null}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          size="middle"
          disabled={login.busy}
          onFinish={(values) => {
            form.setFieldValue('password', '');
            void login.run(values);
          }}
        >
          <Form.Item
            name="name"
            label={t('login.name')}
            rules={[{ required: true, whitespace: true, message: t('login.nameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-name" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <ErrorAlert error={login.error} testId="login-error" />
          <Button type="primary" htmlType="submit" block loading={login.busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
