/**
 * Whether a dataset is still in use (ADR 0171): `active`, `withdrawn` (taken out of use, e.g. found
 * wrong or superseded) or `archived` (kept, no longer worked on). Apart from the workflow: a
 * withdrawn record keeps its workflow state, and its original stays in the object store.
 */
export const STANDINGS = ['active', 'withdrawn', 'archived'] as const;
export type Standing = (typeof STANDINGS)[number];

export const STANDING_ACTIONS = ['withdraw', 'archive', 'restore'] as const;
export type StandingAction = (typeof STANDING_ACTIONS)[number];

/** For each action, the standings it starts from; where it goes is {@link STANDING_TARGET}. */
const FROM: Readonly<Record<StandingAction, readonly Standing[]>> = {
  withdraw: ['active'],
  // An archived dataset was withdrawn or finished with; either may be put away for good.
  archive: ['active', 'withdrawn'],
  restore: ['withdrawn', 'archived'],
};

export const STANDING_TARGET: Readonly<Record<StandingAction, Standing>> = {
  withdraw: 'withdrawn',
  archive: 'archived',
  restore: 'active',
};

/** The message keys of standings (src-main/api/messages.ts has an entry for each). */
export type StandingMessageKey = `standing.${Standing}`;

export const standingKey = (standing: Standing): StandingMessageKey => `standing.${standing}`;

/** Where `action` takes a dataset that is `from`, or null when it does not apply there. */
export function nextStanding(from: Standing, action: StandingAction): Standing | null {
  return FROM[action].includes(from) ? STANDING_TARGET[action] : null;
}

/** The change of standing a user makes: who, when, why (a reason is required). */
export interface StandingChange {
  readonly standing: Standing;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}
