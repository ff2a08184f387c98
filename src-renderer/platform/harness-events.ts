import type { JobProgressEvent } from '../../src-main/api/events.js';
import type { HostEvents } from './platform.js';

/**
 * Host events from the harness: one EventSource on the same origin (its HttpOnly cookie carries
 * the run token), opened at startup so it is connected before the first job starts. The browser
 * reconnects by itself if the stream drops.
 */
export function createHarnessEvents(url = '/events'): HostEvents {
  const source = new EventSource(url);
  return {
    onJobProgress(callback) {
      const listener = (message: MessageEvent<string>): void => {
        callback(JSON.parse(message.data) as JobProgressEvent);
      };
      source.addEventListener('job.progress', listener);
      return () => {
        source.removeEventListener('job.progress', listener);
      };
    },
  };
}
