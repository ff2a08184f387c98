import { List } from 'antd';
import type { Lineage } from '../../../src-main/api/types.js';
import { translateKnown } from '../../platform/error-text.js';
import { useAppStore } from '../../state/app-store.js';

/** The recorded transform steps of a public version, translated when messages.ts knows the step. */
export function LineageList({ lineage, testId }: { readonly lineage: Lineage; readonly testId: string }) {
  const lang = useAppStore((s) => s.lang);
  return (
    <List
      data-testid={testId}
      size="small"
      bordered
      dataSource={[...lineage.steps]}
      renderItem={(step, index) => (
        <List.Item data-step={step.step}>
          <span className="step-index">{index + 1}.</span>
          {translateKnown(
            `lineage.${step.step}`,
            step.params,
            lang,
            translateKnown(step.description, step.params, lang, step.description),
          )}
        </List.Item>
      )}
    />
  );
}
