// Global setup of the corpus project: one line when there is no corpus, so a run says why the
// suite was skipped.
import { corpusLocation, corpusRoot } from './corpus.js';

export default function setup(): void {
  if (corpusRoot() === null)
    console.log(
      `corpus: not found at ${corpusLocation()} (set STRATA_CORPUS to its folder); corpus suite skipped`,
    );
}
