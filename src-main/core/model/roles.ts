/**
 * The roles of DOMAIN.md and issue 7: administrators (管理员) keep the workstation and its accounts;
 * archive curators (资料管理员) ingest and describe; reviewers (审查员) review; publishers (发布员)
 * produce and export the public version; map-product staff (专题图制作) compose maps (ADR 0170).
 * Defined in core so core's workflow rules can name them; the hosts take them from src-main/api/caller.ts.
 */
export const ROLES = ['admin', 'curator', 'reviewer', 'publisher', 'mapmaker'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
