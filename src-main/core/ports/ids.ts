import type { DatasetId, ReviewId } from '../model/index.js';

/** Fresh identifiers; random in the app, predictable in tests. */
export interface Ids {
  datasetId(): DatasetId;
  reviewId(): ReviewId;
}
