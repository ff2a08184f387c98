import type { HostEvent } from '../../src-main/api/events.js';

/** A test client of the harness's /events stream: everything received, in order. */
export interface EventLog {
  readonly events: HostEvent[];
  /** Comment lines (heartbeats) received so far. */
  readonly comments: string[];
  /** Resolves when `predicate` holds for the log (checked on every message), or rejects after `ms`. */
  until(predicate: (events: readonly HostEvent[]) => boolean, ms?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens GET /events with the run token and parses the Server-Sent Events as they arrive. */
export async function openEventLog(origin: string, token: string): Promise<EventLog> {
  const controller = new AbortController();
  const response = await fetch(`${origin}/events`, {
    headers: { 'x-strata-token': token },
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`/events: HTTP ${String(response.status)}`);
  const events: HostEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body.getReader();

  const parse = (block: string): void => {
    let name = '';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else if (line.startsWith('event: ')) name = line.slice('event: '.length);
      else if (line.startsWith('data: ')) data += line.slice('data: '.length);
    }
    if (name) events.push({ name, payload: JSON.parse(data) as unknown } as HostEvent);
  };
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // Aborted by close(): the log simply stops.
    }
  })();

  return {
    events,
    comments,
    ended,
    until(predicate, ms = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${String(ms)} ms`));
        }, ms);
        function check(): void {
          if (!predicate(events)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        }
        waiters.add(check);
        check();
      });
    },
    close() {
      controller.abort();
    },
  };
}
