import type { Role } from '../model/roles.js';

/**
 * The workflow of DOMAIN.md: 草稿 draft → 待审查 submitted → 审查通过 approved / 退回 returned →
 * 公开版 public version produced → 复核 the public version re-reviewed → 已导出 exported.
 */
export const WORKFLOW_STATES = [
  'draft',
  'submitted',
  'approved',
  'returned',
  'public-version',
  'rechecked',
  'exported',
] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** What a user does to a record; each moves it from some states to one other. */
export const WORKFLOW_ACTIONS = [
  'submit',
  'approve',
  'return',
  'publish',
  'recheck',
  'export',
  'edit',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * Editing keeps a record that is not yet approved where it is; an approved record (or anything made
 * from it) becomes a new version that needs review again.
 */
const AFTER_EDIT: Readonly<Record<WorkflowState, WorkflowState>> = {
  draft: 'draft',
  submitted: 'submitted',
  returned: 'returned',
  approved: 'submitted',
  'public-version': 'submitted',
  rechecked: 'submitted',
  exported: 'submitted',
};

/** The allowed moves: for each action, the states it starts from and where each goes. */
const MOVES: Readonly<Record<WorkflowAction, Readonly<Partial<Record<WorkflowState, WorkflowState>>>>> = {
  // A returned record, fixed, goes back to the reviewer.
  submit: { draft: 'submitted', returned: 'submitted' },
  approve: { submitted: 'approved' },
  // The reviewer sends back a submission, or a public version whose re-review still finds problems.
  return: { submitted: 'returned', 'public-version': 'returned' },
  publish: { approved: 'public-version' },
  recheck: { 'public-version': 'rechecked' },
  export: { rechecked: 'exported' },
  edit: AFTER_EDIT,
};

/**
 * Who may take which action, one line per role (a new role is one new line; the type requires it).
 * "先审查后公开, 谁公开谁审查": the reviewer's actions are the reviewer's alone.
 */
export const ROLE_ACTIONS: Readonly<Record<Role, readonly WorkflowAction[]>> = {
  curator: ['submit', 'edit', 'publish', 'export'],
  reviewer: ['approve', 'return', 'recheck'],
  publisher: ['publish', 'export'],
  mapmaker: [],
  admin: [],
};

/** The message keys of states, actions and refusals; src-main/api/messages.ts has an entry for each. */
export type WorkflowMessageKey =
  | `workflow.state.${WorkflowState}`
  | `workflow.action.${WorkflowAction}`
  | 'workflow.refused.role'
  | 'workflow.refused.state';

export type WorkflowMove =
  | { readonly ok: true; readonly from: WorkflowState; readonly to: WorkflowState }
  | {
      readonly ok: false;
      /** `workflow.refused.role` or `workflow.refused.state`, with its params naming the action and state. */
      readonly reason: Extract<WorkflowMessageKey, `workflow.refused.${string}`>;
      readonly params: {
        readonly action: `workflow.action.${WorkflowAction}`;
        readonly state: `workflow.state.${WorkflowState}`;
      };
    };

/** Where `action` takes a record in `state`, or null when it does not apply there. */
export function nextState(state: WorkflowState, action: WorkflowAction): WorkflowState | null {
  return MOVES[action][state] ?? null;
}

/** True when one of `roles` may take `action`. */
export function mayTake(roles: readonly Role[], action: WorkflowAction): boolean {
  return roles.some((role) => ROLE_ACTIONS[role].includes(action));
}

/** Decides a move: refused for the caller's roles first, then for the record's state. */
export function move(state: WorkflowState, action: WorkflowAction, roles: readonly Role[]): WorkflowMove {
  const params = { action: `workflow.action.${action}`, state: `workflow.state.${state}` } as const;
  if (!mayTake(roles, action)) return { ok: false, reason: 'workflow.refused.role', params };
  const to = nextState(state, action);
  if (to === null) return { ok: false, reason: 'workflow.refused.state', params };
  return { ok: true, from: state, to };
}

/** The actions `roles` may take on a record in `state`, in workflow order (what a UI offers). */
export function actionsFor(state: WorkflowState, roles: readonly Role[]): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => move(state, action, roles).ok);
}

/** The state of the new version an edit of a record in `state` makes. */
export const stateAfterEdit = (state: WorkflowState): WorkflowState => AFTER_EDIT[state];
