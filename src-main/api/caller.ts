import { ROLES, type Role } from '../core/model/roles.js';

// The roles live in core, whose workflow rules name them (ADR 0171, 0170).
export { ROLES, isRole, type Role } from '../core/model/roles.js';
export { ACCOUNT_NAME_PATTERN } from '../core/accounts/account.js';

/**
 * Who is calling, built by the host for every call and passed to every handler (ADR 0067). Without
 * accounts the host's one local user holds every role; with accounts (ADR 0170) it is the user a
 * `session.login` returned, in the roles of their certified account row.
 */
export interface CallContext {
  /** The acting user as the audit log, records and reviews name them. */
  readonly user: string;
  /** The roles this call acts in. */
  readonly roles: readonly Role[];
}

/** The one person at a single-user workstation: the local OS user, in every role. */
export const localCaller = (user: string): CallContext => ({ user, roles: ROLES });

/** Nobody yet: a host with accounts enabled before anyone logged in. Only open methods run. */
export const SIGNED_OUT: CallContext = Object.freeze({ user: '', roles: Object.freeze([]) });
