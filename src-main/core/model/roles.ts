/**
 * The roles of DOMAIN.md: archive curators (资料管理员) ingest, describe and release; reviewers
 * (保密审查员) review; map-product staff (专题图制作) compose maps; administrators keep the workstation.
 * Defined in core so core's workflow rules can name them; the hosts take them from src-main/api/caller.ts.
 */
export const ROLES = ['curator', 'reviewer', 'mapmaker', 'admin'] as const;
export type Role = (typeof ROLES)[number];
