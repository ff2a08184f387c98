import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostEvent } from '../api/events.js';
import { SECURITY_HEADERS } from '../hosting/csp.js';

/** Subscribes to host events; returns the unsubscribe function. */
export type SubscribeEvents = (listener: (event: HostEvent) => void) => () => void;

/** Comment lines keep idle connections (and any proxy in between) from timing out. */
export const HEARTBEAT_MS = 15_000;

/**
 * Serves host events to one EventSource as Server-Sent Events (`event: <name>` + one JSON `data:`
 * line each). Returns the function that ends the stream; it also ends when the client goes away.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  subscribe: SubscribeEvents,
  heartbeatMs = HEARTBEAT_MS,
): () => void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.flushHeaders();
  // The first comment tells the client the stream is open (fetch resolves, EventSource fires open).
  res.write(': strata events\n\n');
  const unsubscribe = subscribe((event) => {
    res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
  });
  const heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
  }, heartbeatMs);
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  req.once('close', close);
  return close;
}
