import { List } from 'antd';
import type { Lineage } from '../../../src-main/api/types.js';
import { useTranslation } from 'react-i18next';
import { showMessage } from '../../i18n/messages.js';

/** The recorded transform steps of a public version, each rendered from `lineage.<step>`. */
export function LineageList({ lineage, testId }: { readonly lineage: Lineage; readonly testId: string }) {
  // Subscribes to language changes; the step texts come from the msg namespace.
  useTranslation();
  return (
    <List
      data-testid={testId}
      size="small"
      bordered
      dataSource={[...lineage.steps]}
      renderItem={(step, index) => (
        <List.Item data-step={step.step}>
          <span className="step-index">{index + 1}.</span>
          {showMessage({ key: `lineage.${step.step}`, params: step.params })}
        </List.Item>
      )}
    />
  );
}
