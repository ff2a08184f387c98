import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../../src-main/core/model/roles.js';
import {
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  actionsFor,
  mayTake,
  move,
  nextState,
  stateAfterEdit,
  type WorkflowAction,
  type WorkflowState,
} from '../../../../src-main/core/catalogue/workflow.js';

/** DOMAIN.md's workflow written out move by move, independently of the module's tables. */
const ALLOWED: readonly (readonly [WorkflowState, WorkflowAction, WorkflowState])[] = [
  ['draft', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'return', 'returned'],
  ['public-version', 'return', 'returned'],
  ['approved', 'publish', 'public-version'],
  ['public-version', 'recheck', 'rechecked'],
  ['rechecked', 'export', 'exported'],
  ['draft', 'edit', 'draft'],
  ['submitted', 'edit', 'submitted'],
  ['returned', 'edit', 'returned'],
  ['approved', 'edit', 'submitted'],
  ['public-version', 'edit', 'submitted'],
  ['rechecked', 'edit', 'submitted'],
  ['exported', 'edit', 'submitted'],
];

/** Who may take each action. */
const TAKEN_BY: Readonly<Record<WorkflowAction, readonly Role[]>> = {
  submit: ['curator'],
  edit: ['curator'],
  publish: ['curator', 'publisher'],
  export: ['curator', 'publisher'],
  approve: ['reviewer'],
  return: ['reviewer'],
  recheck: ['reviewer'],
};

const allowedTo = (state: WorkflowState, action: WorkflowAction): WorkflowState | undefined =>
  ALLOWED.find(([from, a]) => from === state && a === action)?.[2];

const pairs = WORKFLOW_STATES.flatMap((state) => WORKFLOW_ACTIONS.map((action) => [state, action] as const));

describe('the workflow of DOMAIN.md', () => {
  it.each(ALLOWED)(
    '%s --%s--> %s for the role that takes it, refused for every other role',
    (from, action, to) => {
      for (const role of ROLES) {
        const result = move(from, action, [role]);
        if (TAKEN_BY[action].includes(role)) expect(result).toEqual({ ok: true, from, to });
        else
          expect(result).toEqual({
            ok: false,
            reason: 'workflow.refused.role',
            params: { action: `workflow.action.${action}`, state: `workflow.state.${from}` },
          });
      }
    },
  );

  const refused = pairs.filter(([state, action]) => allowedTo(state, action) === undefined);
  it.each(refused)('%s refuses %s, even to every role at once', (state, action) => {
    expect(nextState(state, action)).toBeNull();
    expect(move(state, action, ROLES)).toEqual({
      ok: false,
      reason: 'workflow.refused.state',
      params: { action: `workflow.action.${action}`, state: `workflow.state.${state}` },
    });
  });

  it('covers every state and action pair exactly once between allowed and refused', () => {
    expect(refused.length + ALLOWED.length).toBe(WORKFLOW_STATES.length * WORKFLOW_ACTIONS.length);
    for (const [state, action] of pairs)
      expect(nextState(state, action)).toBe(allowedTo(state, action) ?? null);
  });

  it('refuses for the role before the state: a curator is told approving is not theirs, in any state', () => {
    for (const state of WORKFLOW_STATES)
      expect(move(state, 'approve', ['curator'])).toMatchObject({
        ok: false,
        reason: 'workflow.refused.role',
      });
    expect(move('draft', 'edit', ['reviewer'])).toMatchObject({ ok: false, reason: 'workflow.refused.role' });
  });

  it('lets a caller holding several roles take each role’s actions, and no role takes none', () => {
    expect(mayTake(['mapmaker', 'reviewer'], 'approve')).toBe(true);
    expect(mayTake(['mapmaker', 'admin'], 'approve')).toBe(false);
    expect(mayTake([], 'edit')).toBe(false);
    for (const action of WORKFLOW_ACTIONS)
      expect(ROLES.filter((role) => mayTake([role], action))).toEqual(TAKEN_BY[action]);
  });

  it('sends an edited approved record, or anything made from it, back to review', () => {
    expect(stateAfterEdit('approved')).toBe('submitted');
    expect(stateAfterEdit('exported')).toBe('submitted');
    expect(stateAfterEdit('draft')).toBe('draft');
    expect(stateAfterEdit('returned')).toBe('returned');
  });

  it('offers each role the actions it may take in a state, in workflow order', () => {
    expect(actionsFor('submitted', ['reviewer'])).toEqual(['approve', 'return']);
    expect(actionsFor('submitted', ['curator'])).toEqual(['edit']);
    expect(actionsFor('approved', ROLES)).toEqual(['publish', 'edit']);
    expect(actionsFor('public-version', ['reviewer'])).toEqual(['return', 'recheck']);
    expect(actionsFor('exported', ['mapmaker', 'admin'])).toEqual([]);
  });
});
