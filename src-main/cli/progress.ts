import type { HostEvent } from '../api/events.js';
import { renderMessage, type Lang } from '../api/messages.js';
import { progressPercent, progressText } from '../api/progress-text.js';

/** What the progress line writes to (a terminal's stderr). */
export interface ProgressStream {
  write(text: string): boolean;
}

const ERASE_LINE = '\r\x1b[2K';

/**
 * A one-line progress display for a terminal: each event rewrites the line, and the job's end
 * erases it, so results and errors start on a clean line.
 */
export function progressLine(stream: ProgressStream, lang: Lang): (event: HostEvent) => void {
  const render = (
    key: Parameters<typeof renderMessage>[0],
    params: Parameters<typeof renderMessage>[1],
  ): string => renderMessage(key, params, lang);
  return (event) => {
    stream.write(
      event.name === 'job.progress'
        ? `${ERASE_LINE}${progressText(event.payload, render)} ${String(progressPercent(event.payload))}%`
        : ERASE_LINE,
    );
  };
}
