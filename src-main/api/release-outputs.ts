// The formats a public version is written in, per kind, for the hosts (the renderer imports only
// src-main/api).
export {
  RELEASE_OUTPUTS,
  RELEASE_OUTPUT_FORMATS,
  type ReleaseOutput,
} from '../core/release/plan/release-transform.js';
