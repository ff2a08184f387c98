import { Tag } from 'antd';
import type { SecrecyLevel } from '../../src-main/api/secrecy.js';

/** Level colours from green (公开) to red (绝密), the order curators read at a glance. */
export const LEVEL_COLOURS: Readonly<Record<SecrecyLevel, string>> = {
  公开: 'green',
  内部: 'blue',
  秘密: 'gold',
  机密: 'volcano',
  绝密: 'red',
};

export function LevelTag({ level, marking }: { readonly level: SecrecyLevel; readonly marking?: string }) {
  return (
    <Tag color={LEVEL_COLOURS[level]} variant="outlined" className="level-tag" data-level={level}>
      {marking ?? level}
    </Tag>
  );
}
