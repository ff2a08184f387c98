import type { SubjectText } from './rule.js';

/** The record texts a review reads with the data: what the package's metadata will say. */
export interface RecordTexts {
  readonly title: string;
  readonly abstract: string;
}

/**
 * The texts of a dataset a review reads besides its features and pixels: its file name, its layer
 * name, and (when the dataset has a record) the record's title and abstract. Empty texts are left out.
 */
export function subjectTexts(name: string, layer: string | null, record: RecordTexts | null): SubjectText[] {
  const texts: SubjectText[] = [
    { part: 'file-name', name, text: name },
    ...(layer === null ? [] : [{ part: 'layer-name' as const, name: layer, text: layer }]),
    ...(record === null
      ? []
      : [
          { part: 'metadata.title' as const, text: record.title },
          { part: 'metadata.abstract' as const, text: record.abstract },
        ]),
  ];
  return texts.filter((t) => t.text.trim() !== '');
}
