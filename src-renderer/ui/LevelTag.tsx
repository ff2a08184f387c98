import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SecrecyLevel } from '../../src-main/api/secrecy.js';
import { levelText, markingText } from '../i18n/messages.js';

/** Level colours from green (公开) to red (绝密), the order curators read at a glance. */
export const LEVEL_COLOURS: Readonly<Record<SecrecyLevel, string>> = {
  公开: 'green',
  内部: 'blue',
  秘密: 'gold',
  机密: 'volcano',
  绝密: 'red',
};

/**
 * A stored level in the UI's language (秘密 / "Confidential (秘密)"); with `period`, the whole
 * marking (`秘密★10年` / "Confidential (秘密) ★ 10 years"). The stored values never change.
 */
export function LevelTag({ level, period }: { readonly level: SecrecyLevel; readonly period?: string }) {
  useTranslation();
  return (
    <Tag color={LEVEL_COLOURS[level]} variant="outlined" className="level-tag" data-level={level}>
      {period === undefined ? levelText(level) : markingText(level, period)}
    </Tag>
  );
}
