import type { JobProgressEvent } from './events.js';
import { translate, type Lang } from './messages.js';

/** Percent of a progress event, 0–100, rounded down (100 only when the step is really done). */
export const progressPercent = (event: JobProgressEvent): number =>
  event.total > 0 ? Math.min(100, Math.floor((100 * event.done) / event.total)) : 0;

/** The step a job is in, as UI and CLI show it: phase, and the file number in a batch. */
export function progressText(event: JobProgressEvent, lang: Lang): string {
  const phase = translate(`job.phase.${event.phase}`, {}, lang);
  return event.item !== undefined && event.items !== undefined && event.items > 1
    ? `${phase} · ${translate('job.item', { item: event.item, items: event.items }, lang)}`
    : phase;
}
