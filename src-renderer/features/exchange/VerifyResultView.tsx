import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, List } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../src-main/api/types.js';
import { showMessage } from '../../i18n/messages.js';

/** Each receiving-side check in order (paths → complete → checksums → signature), ok or failed with its problems. */
export function VerifyResultView({ result }: { readonly result: VerifyResult }) {
  const { t } = useTranslation();
  return (
    <div data-testid="verify-result" data-ok={result.ok} className="section">
      <Alert
        type={result.ok ? 'success' : 'error'}
        showIcon
        title={result.ok ? t('exchange.verifyOk') : t('exchange.verifyFailed')}
        description={<span className="mono">{result.bag}</span>}
      />
      <List
        size="small"
        bordered
        className="gap"
        dataSource={[...result.checks]}
        renderItem={(check) => (
          <List.Item data-testid={`verify-step-${check.step}`} data-ok={check.ok}>
            <div className="verify-step">
              <span className={check.ok ? 'ok' : 'bad'}>
                {check.ok ? <CheckCircleFilled /> : <CloseCircleFilled />} {t(`exchange.step.${check.step}`)}
                ：{check.ok ? t('exchange.stepOk') : t('exchange.stepFailed')}
              </span>
              {check.problems.map((p) => (
                <div key={`${p.key}|${JSON.stringify(p.params)}`} className="problem">
                  {showMessage(p)}
                </div>
              ))}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
