export {
  createIsolatedParsers,
  PARSE_LIMITS,
  type IsolatedParsers,
  type IsolationOptions,
} from './isolated-parsers.js';
