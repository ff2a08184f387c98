import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useAppStore } from '../state/app-store.js';
import { errorText } from '../platform/error-text.js';
import { ApiError } from '../platform/api-client.js';

/** A failed call shown in place, re-translated when the language changes; a cancelled one is news, not an error. */
export function ErrorAlert({
  error,
  testId,
  title,
  action,
}: {
  readonly error: unknown;
  readonly testId: string;
  readonly title?: string;
  readonly action?: ReactNode;
}) {
  const lang = useAppStore((s) => s.lang);
  if (error === null || error === undefined) return null;
  const text = errorText(error, lang);
  const cancelled = error instanceof ApiError && error.code === 'CANCELLED';
  return (
    <Alert
      type={cancelled ? 'info' : 'error'}
      showIcon
      data-testid={testId}
      role={cancelled ? 'status' : 'alert'}
      title={title ?? text}
      {...(title ? { description: text } : {})}
      {...(action ? { action } : {})}
    />
  );
}
