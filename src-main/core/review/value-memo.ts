/** Distinct values a field's results are remembered for (class and type fields repeat a few values). */
const LIMIT = 4096;

/**
 * Remembers a per-value result for one field's scan. Once LIMIT values are remembered and fewer
 * look-ups than that have been answered from memory, the field's values are mostly distinct and
 * the memo steps aside (hashing each new value would cost more than it saves).
 */
export class ValueMemo<T> {
  private readonly known = new Map<string, T>();
  private answered = 0;
  private active = true;

  /** The result for `value`: remembered, or computed by `judge` (and remembered while useful). */
  get(value: string, judge: (value: string) => T): T {
    if (!this.active) return judge(value);
    const remembered = this.known.get(value);
    if (remembered !== undefined || this.known.has(value)) {
      this.answered += 1;
      return remembered as T;
    }
    const result = judge(value);
    if (this.known.size < LIMIT) this.known.set(value, result);
    else if (this.answered < LIMIT) this.active = false;
    return result;
  }
}
