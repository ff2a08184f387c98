import type { JobProgressEvent } from './events.js';
import type { MessageKey, MessageParams } from './messages.js';

/** Renders a message in the host's language (the CLI's renderMessage, the UI's i18next). */
export type RenderMessage = (key: MessageKey, params: MessageParams) => string;

/** Percent of a progress event, 0–100, rounded down (100 only when the step is really done). */
export const progressPercent = (event: JobProgressEvent): number =>
  event.total > 0 ? Math.min(100, Math.floor((100 * event.done) / event.total)) : 0;

/** The step a job is in, as UI and CLI show it: phase, and the file number in a batch. */
export function progressText(event: JobProgressEvent, render: RenderMessage): string {
  const phase = render(`job.phase.${event.phase}`, {});
  return event.item !== undefined && event.items !== undefined && event.items > 1
    ? `${phase} · ${render('job.item', { item: event.item, items: event.items })}`
    : phase;
}
