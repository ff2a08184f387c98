// The decisions a reviewer can take on a finding, and on a whole review, for the hosts (the renderer
// imports only src-main/api).
export {
  FINDING_DECISIONS,
  REVIEW_VERDICTS,
  type FindingDecisionKind,
  type ReviewVerdictKind,
} from '../core/model/finding.js';
