/**
 * One log line for an unexpected failure: the error's name and stack frames, never its message —
 * a parser's or a library's message may quote attribute values, coordinates or file contents.
 */
export function internalErrorReport(method: string, error: unknown, ref: string): string {
  const name = error instanceof Error ? error.name : typeof error;
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').slice(1).join('\n') : '';
  return `[strata] internal error ${ref} in ${method}: ${name}${frames ? `\n${frames}` : ''}`;
}
