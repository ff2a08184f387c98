/**
 * The roles of DOMAIN.md: archive curators (资料管理员) ingest, describe and release; reviewers
 * (保密审查员) review; map-product staff (专题图制作) compose maps; administrators keep the workstation.
 */
export const ROLES = ['curator', 'reviewer', 'mapmaker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

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
