import { Alert, Button, Form, Input, Select, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../platform/api-client.js';
import {
  isStateSecret,
  periodFromInput,
  SECRECY_LEVELS,
  type SecrecyLevel,
} from '../../../src-main/api/secrecy.js';
import { levelText } from '../../i18n/messages.js';
import type { DatasetDetail, RecordFields } from '../../../src-main/api/types.js';
import { useActions, useCallable, useReadOnly } from '../../state/use-actions.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { LevelTag } from '../../ui/LevelTag.js';
import { useAsyncAction } from '../../ui/use-async-action.js';
import { ConflictView, type EditConflict } from './ConflictView.js';
import { formChanged, fromForm, toForm, type FormValues } from './record-form.js';
import { VersionHistory } from './VersionHistory.js';

/**
 * 著录: edit title, abstract, 数据来源, 密级 and 保密期限; save as a new version on top of the one shown. A
 * save refused because another landed first opens the conflict view on both versions of the edit.
 */
export function CatalogueTab({ detail }: { readonly detail: DatasetDetail }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const readOnly = useReadOnly();
  // A reviewer reads the record; only those who may save it edit it.
  const mayEdit = useCallable('catalogue.save');
  const [form] = Form.useForm<FormValues>();
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const record = detail.record;
  const id = detail.summary.id;
  // A conflict belongs to the dataset it happened on: another one selected does not show it.
  const [conflictOf, setConflictOf] = useState<{ id: string; conflict: EditConflict } | null>(null);
  const conflict = conflictOf?.id === id ? conflictOf.conflict : null;

  // A different dataset or a newer version from the host replaces what is in the form; a re-read
  // of the version shown (selection and the map both load the detail) keeps what is being typed.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const key = `${id}:${String(record.version)}:${i18n.language}`;
    if (shown.current === key) return;
    shown.current = key;
    form.setFieldsValue(toForm(record.fields));
  }, [form, id, record.version, record.fields, i18n.language]);

  // useWatch is undefined until the form has mounted its fields.
  const watchedLevel = Form.useWatch('level', form) as SecrecyLevel | undefined;
  const watchedPeriod = Form.useWatch('period', form) as string | undefined;
  const watchedTitle = Form.useWatch('title', form) as string | undefined;
  const watchedAbstract = Form.useWatch('abstract', form) as string | undefined;
  const watchedAttribution = Form.useWatch('attribution', form) as string | undefined;
  const level = watchedLevel ?? record.fields.level;
  const period = watchedPeriod ?? record.fields.period;
  // Nothing to save while the form would store the version shown (no empty version, issue 7).
  const changed = formChanged(
    {
      title: watchedTitle ?? record.fields.title,
      abstract: watchedAbstract ?? record.fields.abstract,
      attribution: watchedAttribution ?? record.fields.attribution,
      level,
      period,
    },
    record.fields,
  );
  const secret = isStateSecret(level);
  const storedPeriod = periodFromInput(period);
  const markingPeriod = secret && storedPeriod !== null ? storedPeriod : '';
  // A secret level with a period that is not one shows no mark at all, never a valid-looking one.
  const markingBlocked = secret && storedPeriod === null;

  // `base` is the version the edit started from: the one shown, or the latest of a conflict.
  const save = useAsyncAction(
    async (fields: RecordFields, base: { version: number; fields: RecordFields }) => {
      let saved;
      try {
        saved = await actions.api['catalogue.save']({ id, baseVersion: base.version, fields });
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'CONFLICT')) throw error;
        // The form then shows the latest version; the edit stays in the conflict view beside it.
        const latest = await actions.refreshDataset(id);
        setConflictOf({ id, conflict: { mine: fields, base: base.fields, latest: latest.record } });
        return undefined;
      }
      setConflictOf(null);
      setSavedVersion(saved.version);
      await actions.refreshDataset(id);
      return saved;
    },
  );
  const locked = readOnly || !mayEdit || save.busy;

  return (
    <div className="tab-body">
      {conflict ? (
        <ConflictView
          key={conflict.latest.version}
          conflict={conflict}
          busy={save.busy}
          onSave={(merged, baseVersion) => {
            void save.run(merged, { version: baseVersion, fields: conflict.latest.fields });
          }}
          onDiscard={() => {
            setConflictOf(null);
          }}
        />
      ) : null}
      {/* Kept mounted under the conflict view, which replaces it until it is settled. */}
      <div hidden={conflict !== null}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          size="small"
          initialValues={toForm(record.fields)}
          disabled={locked}
          onValuesChange={() => {
            setSavedVersion(null);
          }}
          onFinish={(values) => {
            void save.run(fromForm(values), record);
          }}
        >
          <Form.Item
            name="title"
            label={t('catalogue.title')}
            rules={[
              { required: true, whitespace: true, message: t('catalogue.titleRequired') },
              { max: 500 },
            ]}
          >
            <Input data-testid="field-title" maxLength={500} />
          </Form.Item>
          <Form.Item name="abstract" label={t('catalogue.abstract')} rules={[{ max: 20000 }]}>
            <Input.TextArea
              data-testid="field-abstract"
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={20000}
            />
          </Form.Item>
          <Form.Item
            name="attribution"
            label={t('catalogue.attribution')}
            extra={t('catalogue.attributionHelp')}
            rules={[{ max: 2000 }]}
          >
            <Input data-testid="field-attribution" maxLength={2000} />
          </Form.Item>
          <div className="two-cols">
            <Form.Item name="level" label={t('catalogue.level')}>
              <Select<SecrecyLevel>
                data-testid="field-level"
                aria-label={t('catalogue.level')}
                // A text label gives screen readers the level in the UI's language (the a11y list
                // otherwise reads the stored value); the tag is what sighted users see.
                options={SECRECY_LEVELS.map((l) => ({ value: l, label: levelText(l) }))}
                optionRender={(option) => <LevelTag level={option.value as SecrecyLevel} />}
                labelRender={(selected) => <LevelTag level={selected.value as SecrecyLevel} />}
              />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('catalogue.period')}
              extra={secret ? t('catalogue.periodHelp') : t('catalogue.periodNotApplicable')}
              rules={[
                {
                  validator: (_rule, value: string | undefined) =>
                    !secret || periodFromInput(value ?? '') !== null
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('catalogue.periodInvalid'))),
                },
              ]}
              dependencies={['level']}
            >
              <Input
                data-testid="field-period"
                disabled={!secret}
                placeholder={secret ? t('catalogue.periodPlaceholder') : ''}
                maxLength={12}
              />
            </Form.Item>
          </div>
          <div className="marking-row">
            <span className="muted">{t('catalogue.marking')}：</span>
            <span data-testid="marking">
              {markingBlocked ? (
                <Tag color="error" data-testid="marking-invalid">
                  {t('catalogue.markingNeedsPeriod')}
                </Tag>
              ) : (
                <LevelTag level={level} period={markingPeriod} />
              )}
            </span>
            <span className="muted">
              {t('catalogue.version')}：v{record.version}
            </span>
          </div>
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={save.busy}
              // Its own `disabled` overrides the form's: both reasons are given here.
              disabled={locked || !changed}
              data-testid="save-button"
            >
              {t('catalogue.save')}
            </Button>
            <Button
              htmlType="button"
              data-testid="reset-button"
              onClick={() => {
                form.setFieldsValue(toForm(record.fields));
                save.clearError();
              }}
            >
              {t('catalogue.reset')}
            </Button>
          </Space>
        </Form>
      </div>
      <div className="result-area" data-testid="save-result-area">
        {savedVersion !== null && !save.error ? (
          <Alert
            type="success"
            showIcon
            data-testid="save-result"
            title={t('catalogue.saved', { version: savedVersion })}
          />
        ) : null}
        <ErrorAlert error={save.error} testId="save-error" />
      </div>
      <VersionHistory key={id} id={id} versions={detail.versions} current={record.version} />
    </div>
  );
}
