// The decisions a reviewer can take on a finding, for the hosts (the renderer imports only src-main/api).
export { FINDING_DECISIONS, type FindingDecisionKind } from '../core/model/finding.js';
