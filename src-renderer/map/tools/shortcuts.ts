/** What a key does on the map (QGIS-like single keys; OpenLayers itself handles +/- and arrows). */
export type ShortcutAction = 'measureLength' | 'measureArea' | 'identify' | 'cancel' | 'help';

/** The keys, in the order the help list shows them; +/- and arrows are OpenLayers' own. */
export const SHORTCUTS: readonly { readonly keys: readonly string[]; readonly action: ShortcutAction }[] = [
  { keys: ['M'], action: 'measureLength' },
  { keys: ['Shift', 'M'], action: 'measureArea' },
  { keys: ['I'], action: 'identify' },
  { keys: ['Esc'], action: 'cancel' },
  { keys: ['?'], action: 'help' },
];

/** Keys the help list names that OpenLayers handles while the map has focus. */
export const NAVIGATION_KEYS: readonly {
  readonly keys: readonly string[];
  readonly action: 'zoomIn' | 'zoomOut' | 'pan';
}[] = [
  { keys: ['+'], action: 'zoomIn' },
  { keys: ['-'], action: 'zoomOut' },
  { keys: ['←', '↑', '→', '↓'], action: 'pan' },
];

/** The action of a key press, or null (modifier chords other than Shift belong to the app and browser). */
export function shortcutOf(event: {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  switch (event.key) {
    case 'm':
      return event.shiftKey ? null : 'measureLength';
    case 'M':
      return event.shiftKey ? 'measureArea' : 'measureLength';
    case 'i':
    case 'I':
      return 'identify';
    case 'Escape':
      return 'cancel';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** True when typing into this element must not trigger map shortcuts (inputs, selects, editors). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
