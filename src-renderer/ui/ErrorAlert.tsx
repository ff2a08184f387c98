import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useAppStore } from '../state/app-store.js';
import { errorText } from '../platform/error-text.js';

/** A failed call shown in place, re-translated when the language changes. */
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
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      role="alert"
      title={title ?? text}
      {...(title ? { description: text } : {})}
      {...(action ? { action } : {})}
    />
  );
}
