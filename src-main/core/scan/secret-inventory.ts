/** What a withheld value was, so a hit can name its kind without ever naming the value. */
export type SecretKind =
  | 'droppedField'
  | 'removedFeature'
  | 'withheldMetadata'
  | 'localPath'
  | 'hostName'
  | 'deletedRecord'
  | 'sourceCoordinate'
  | 'maskedRaster';

/** One secret: either text (searched in every text encoding) or a number (decimal and binary). */
export type Secret =
  | { readonly kind: SecretKind; readonly text: string }
  | { readonly kind: SecretKind; readonly number: number; readonly decimals: number };

/** The values the public version must not contain, built from the source and the approved plan. */
export interface SecretInventory {
  readonly secrets: readonly Secret[];
}
