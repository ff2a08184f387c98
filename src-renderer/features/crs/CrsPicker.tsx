import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrsSearchHit } from '../../../src-main/api/types.js';
import { useActions } from '../../state/use-actions.js';
import { useAppStore } from '../../state/app-store.js';

/** Hits shown at once: enough to scan, small enough to render instantly. */
const LIMIT = 30;
/** Typing pause before a search is sent. */
const DEBOUNCE_MS = 200;

/** The name shown for a hit: Chinese where the family has one and the UI is in Chinese. */
export const crsLabel = (hit: CrsSearchHit, lang: string): string =>
  `${hit.code} · ${lang === 'zh-CN' && hit.nameZh !== null ? hit.nameZh : hit.name}`;

/**
 * A searchable select over `crs.search`: the user types a code (`4490`, `EPSG:4548`) or words of an
 * English or Chinese name (`西安80 3度带 39`, `UTM 50N`) and picks one; `onChange` gets `EPSG:nnnn`.
 * Reusable wherever a CRS is chosen (dataset CRS, map CRS, cursor coordinates).
 */
export function CrsPicker({
  value,
  onChange,
  testId = 'crs-picker',
  disabled = false,
}: {
  readonly value: string | null;
  readonly onChange: (code: string) => void;
  readonly testId?: string;
  readonly disabled?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const actions = useActions();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<readonly CrsSearchHit[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const text = query.trim();
    if (text === '') return undefined;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setLoading(true);
      actions.api['crs.search']({ query: text, limit: LIMIT })
        .then((found) => {
          // A slower answer to an older query must not replace a newer one.
          if (ticket === latest.current) setHits(found);
        })
        .catch(() => {
          if (ticket === latest.current) setHits([]);
        })
        .finally(() => {
          if (ticket === latest.current) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [query, actions]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQuery }}
      className="crs-picker"
      data-testid={testId}
      value={value}
      disabled={disabled}
      placeholder={t('crs.searchPlaceholder')}
      notFoundContent={
        query.trim() === '' ? t('crs.typeToSearch') : loading ? t('crs.searching') : t('crs.noMatch')
      }
      loading={loading}
      popupMatchSelectWidth={false}
      options={hits.map((hit) => ({
        value: hit.code,
        label: crsLabel(hit, lang),
        title: hit.name,
      }))}
      onChange={(code: string) => {
        onChange(code);
      }}
      style={{ minWidth: 280, maxWidth: '100%' }}
    />
  );
}
