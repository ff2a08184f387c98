declare const datasetIdBrand: unique symbol;
declare const reviewIdBrand: unique symbol;

/** Catalogue identifier of a dataset, e.g. `ds_7f3a…` (opaque; never derived from file contents). */
export type DatasetId = string & { readonly [datasetIdBrand]: true };
/** Identifier of one stored review run. */
export type ReviewId = string & { readonly [reviewIdBrand]: true };

export const asDatasetId = (value: string): DatasetId => value as DatasetId;
export const asReviewId = (value: string): ReviewId => value as ReviewId;
