import { describe, expect, it } from 'vitest';
import type { RecordFields } from '../../../src-main/api/types.js';
import {
  differingFields,
  firstChoices,
  mergeFields,
} from '../../../src-renderer/features/catalogue/record-merge.js';

const mine: RecordFields = {
  title: '我的题名',
  abstract: '我的摘要',
  attribution: '广西地质调查院',
  level: '机密',
  period: '20年',
};
const latest: RecordFields = {
  title: '最新题名',
  abstract: '我的摘要',
  attribution: '广西壮族自治区地质调查院',
  level: '秘密',
  period: '10年',
};

describe('merging an edit with the version saved meanwhile', () => {
  it('lists only the fields that differ, in form order', () => {
    expect(differingFields(mine, latest)).toEqual(['title', 'attribution', 'level', 'period']);
    expect(differingFields(mine, mine)).toEqual([]);
  });

  it('takes at first what each side changed from the version the edit started from', () => {
    const base: RecordFields = { ...latest, title: '原题名', attribution: '广西地质调查院' };
    // The user changed the title, level and period; the other save the title and the data source.
    expect(firstChoices(mine, base)).toEqual({
      title: 'mine',
      abstract: 'latest',
      attribution: 'latest',
      level: 'mine',
      period: 'mine',
    });
    expect(mergeFields(mine, latest, firstChoices(mine, base))).toEqual({
      ...mine,
      attribution: latest.attribution,
    });
    // The user changed nothing the other save changed: theirs is kept.
    expect(mergeFields(base, latest, firstChoices(base, base))).toEqual(latest);
  });

  it('takes each field from the side chosen', () => {
    const all = {
      title: 'mine',
      abstract: 'mine',
      attribution: 'mine',
      level: 'mine',
      period: 'mine',
    } as const;
    expect(mergeFields(mine, latest, { ...all, title: 'latest', period: 'latest' })).toEqual({
      title: '最新题名',
      abstract: '我的摘要',
      attribution: '广西地质调查院',
      level: '机密',
      period: '10年',
    });
  });

  it('keeps no period with a level that has none', () => {
    const open: RecordFields = { ...latest, level: '内部', period: '' };
    const choices = {
      title: 'mine',
      abstract: 'mine',
      attribution: 'mine',
      level: 'latest',
      period: 'mine',
    } as const;
    expect(mergeFields(mine, open, choices)).toMatchObject({ level: '内部', period: '' });
  });
});
