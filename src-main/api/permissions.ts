import type { Role } from './caller.js';
import { ANYONE, METHOD_NAMES, policyOf, type MethodName, type MethodPolicy } from './contract.js';

/** Whether a caller in `roles` may call a method of `policy` (ADR 0067): the dispatcher's check. */
export const mayCall = (policy: MethodPolicy, roles: readonly Role[]): boolean =>
  policy.roles === ANYONE || policy.roles.some((role) => roles.includes(role));

/**
 * The contract methods a caller in `roles` may call, from the contract's own declarations: what
 * `system.info` tells the UI so it hides what would be refused (ADR 0175). The dispatcher still
 * checks every call.
 */
export const callableBy = (roles: readonly Role[]): MethodName[] =>
  METHOD_NAMES.filter((name) => mayCall(policyOf(name), roles));
