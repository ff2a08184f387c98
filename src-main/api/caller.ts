import { ROLES, type Role } from '../core/model/roles.js';

// The roles (admin, curator, reviewer, mapmaker) live in core, whose workflow rules name them.
export { ROLES, type Role };

/**
 * Who is calling, built by the host for every call and passed to every handler. Today each host
 * has one local OS user holding every role; accounts will arrive on this seam (ADR 0067).
 */
export interface CallContext {
  /** The acting user as the audit log, records and reviews name them. */
  readonly user: string;
  /** The roles this call acts in. */
  readonly roles: readonly Role[];
}

/** The one person at a single-user workstation: the local OS user, in every role. */
export const localCaller = (user: string): CallContext => ({ user, roles: ROLES });
