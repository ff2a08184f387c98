import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src-main/api/caller.js';
import { METHOD_NAMES } from '../../../src-main/api/contract.js';
import { callableBy } from '../../../src-main/api/permissions.js';

describe('callableBy (what system.info tells the UI)', () => {
  it('nobody signed in may call only what the login screen needs', () => {
    expect(callableBy([])).toEqual(['system.info', 'session.login']);
  });

  it('follows the contract’s declarations: a curator edits but cannot approve, a reviewer the reverse', () => {
    const curator = callableBy(['curator']);
    const reviewer = callableBy(['reviewer']);
    expect(curator).toContain('catalogue.save');
    expect(curator).not.toContain('review.approve');
    expect(reviewer).toContain('review.approve');
    expect(reviewer).not.toContain('catalogue.save');
    expect(curator).not.toContain('users.add');
    expect(callableBy(['admin'])).toEqual(
      expect.arrayContaining(['users.add', 'users.list', 'users.setRole']),
    );
  });

  it('every role together may call every method; roles only ever add methods', () => {
    expect(callableBy(ROLES)).toEqual(METHOD_NAMES);
    for (const role of ROLES)
      expect(callableBy(['curator', role])).toEqual(expect.arrayContaining(callableBy(['curator'])));
  });
});
