import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
  // Re-renders (and so re-translates) when the language changes.
  useTranslation();
  if (error === null || error === undefined) return null;
  const text = errorText(error);
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
