import { Alert, Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { DESCRIPTION_LABEL } from './format.js';

/** A finished action's result: a success line, its key facts as a dense table, then any detail. */
export function SuccessSection({
  testId,
  title,
  items,
  children,
}: {
  readonly testId: string;
  readonly title: string;
  readonly items: NonNullable<DescriptionsProps['items']>;
  readonly children?: ReactNode;
}) {
  return (
    <div data-testid={testId} className="section">
      <Alert type="success" showIcon title={title} />
      <Descriptions
        size="small"
        column={1}
        bordered
        className="gap"
        styles={{ label: DESCRIPTION_LABEL }}
        items={items}
      />
      {children}
    </div>
  );
}
