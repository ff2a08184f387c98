/**
 * Secrecy vocabulary shared with the renderer, which may import only src-main/api: the level list
 * and marking come from core so the UI and the services mark a record the same way.
 */
export { SECRECY_LEVELS, DEFAULT_PERIOD_YEARS, formatMarking, isStateSecret } from '../core/model/secrecy.js';
export type { SecrecyLevel } from '../core/model/secrecy.js';

/** 保密期限 as entered: empty (the level's default), `N年` (1–999) or `长期`. Same rule as contract.ts periodSchema. */
export const PERIOD_PATTERN = /^(|[1-9]\d{0,2}年|长期)$/;
