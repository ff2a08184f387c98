/**
 * The attribute rows of the features a vector layer holds, by dataset id: the style panel reads
 * distinct values and class limits from them. Attribute values stay in the renderer.
 */
type Rows = () => readonly Readonly<Record<string, unknown>>[];

const providers = new Map<string, Rows>();

export function provideFeatureRows(datasetId: string, rows: Rows): () => void {
  providers.set(datasetId, rows);
  return () => {
    if (providers.get(datasetId) === rows) providers.delete(datasetId);
  };
}

/** The rows the map holds for the dataset now (empty while its features are still loading). */
export const featureRows = (datasetId: string): readonly Readonly<Record<string, unknown>>[] =>
  providers.get(datasetId)?.() ?? [];
