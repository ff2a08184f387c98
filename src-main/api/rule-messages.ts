import { isMessageKey, type MessageKey } from './messages.js';

/**
 * The messages that present a review rule (ADR 0172): its name (`rule.<id>`) and the published
 * rule its default settings follow (`basis.<id>`). Null for a rule this build has no text for
 * (a report stored by a later version), which hosts then show by its id.
 */
export function ruleMessages(ruleId: string): {
  readonly name: MessageKey | null;
  readonly basis: MessageKey | null;
} {
  const name = `rule.${ruleId}`;
  const basis = `basis.${ruleId}`;
  return { name: isMessageKey(name) ? name : null, basis: isMessageKey(basis) ? basis : null };
}
