/**
 * The accounts of a team that can approve (ADR 0176): an administrator, a curator who prepares
 * data (and, as in a small agency, runs reviews and decides on findings, but cannot approve what
 * she prepared: four-eyes) and a reviewer whose own key signs approvals.
 */
export const TEAM = {
  admin: { name: 'admin1', password: 'admin-pass-1', roles: ['admin'] },
  curator: { name: 'li.na', password: 'li-na-pass', roles: ['curator', 'reviewer'] },
  reviewer: { name: 'wang.shen', password: 'wang.shen-pass', roles: ['reviewer'] },
} as const;
