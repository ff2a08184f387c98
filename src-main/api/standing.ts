// Withdrawing and archiving, for the hosts (the renderer imports only src-main/api; ADR 0171).
export {
  STANDING_ACTIONS,
  nextStanding,
  standingKey,
  type Standing,
  type StandingAction,
} from '../core/catalogue/standing.js';
