import { describe, expect, it } from 'vitest';
import {
  STANDINGS,
  STANDING_ACTIONS,
  nextStanding,
  standingKey,
} from '../../../../src-main/core/catalogue/standing.js';

describe('withdrawing, archiving and restoring a dataset', () => {
  it('moves exactly these ways, and refuses every other', () => {
    const moves = STANDINGS.flatMap((from) =>
      STANDING_ACTIONS.map((action) => `${from} ${action} ${nextStanding(from, action) ?? '-'}`),
    );
    expect(moves).toEqual([
      'active withdraw withdrawn',
      'active archive archived',
      'active restore -',
      'withdrawn withdraw -',
      'withdrawn archive archived',
      'withdrawn restore active',
      'archived withdraw -',
      'archived archive -',
      'archived restore active',
    ]);
  });

  it('names each standing by a message key', () => {
    expect(STANDINGS.map(standingKey)).toEqual([
      'standing.active',
      'standing.withdrawn',
      'standing.archived',
    ]);
  });
});
