import { bagProblem, type BagProblem } from './problems.js';
import {
  BAGIT_TXT_NAME,
  DATA_DIR,
  FETCH_NAME,
  isDataPath,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  TAG_MANIFEST_NAME,
} from './bag-layout.js';
import { showPath } from './path-safety.js';

export interface BagListing {
  /** Every regular file found in the bag, bag-relative with `/` separators. */
  readonly files: readonly string[];
  /** Paths listed in `manifest-sha256.txt`. */
  readonly manifest: readonly string[];
  /** Paths listed in `tagmanifest-sha256.txt`. */
  readonly tagManifest: readonly string[];
}

const REQUIRED = [BAGIT_TXT_NAME, MANIFEST_NAME, TAG_MANIFEST_NAME] as const;

/**
 * RFC 8493 completeness, made strict for a one-way gateway: every manifest entry exists; every file
 * under `data/` is in the payload manifest; the payload manifest lists nothing outside `data/`;
 * every other file except the tag manifest and its signature is covered by the tag manifest, so
 * nothing in the bag escapes the signature. A `fetch.txt` is refused even when listed: a bag that
 * asks for files from elsewhere is incomplete by definition.
 */
export function completenessProblems(listing: BagListing): BagProblem[] {
  const files = new Set(listing.files);
  const manifest = new Set(listing.manifest);
  const tagged = new Set(listing.tagManifest);
  const problems: BagProblem[] = [];
  for (const name of REQUIRED) if (!files.has(name)) problems.push(bagProblem('bag.missing', { path: name }));
  if (files.has(FETCH_NAME)) problems.push(bagProblem('bag.fetchRefused', { path: FETCH_NAME }));
  for (const path of listing.manifest) {
    if (!isDataPath(path)) problems.push(bagProblem('bag.outsideData', { path: showPath(path) }));
    else if (!files.has(path))
      problems.push(bagProblem('bag.listedButMissing', { path: showPath(path), manifest: MANIFEST_NAME }));
  }
  for (const path of listing.tagManifest) {
    if (isDataPath(path) || path === TAG_MANIFEST_NAME || path === SIGNATURE_NAME) {
      problems.push(
        bagProblem('bag.notAllowedInTagManifest', { path: showPath(path), manifest: TAG_MANIFEST_NAME }),
      );
    } else if (!files.has(path)) {
      problems.push(
        bagProblem('bag.listedButMissing', { path: showPath(path), manifest: TAG_MANIFEST_NAME }),
      );
    }
  }
  for (const path of listing.files) {
    if (isDataPath(path)) {
      if (!manifest.has(path))
        problems.push(bagProblem('bag.notInManifest', { path: showPath(path), manifest: MANIFEST_NAME }));
    } else if (path !== TAG_MANIFEST_NAME && path !== SIGNATURE_NAME && !tagged.has(path)) {
      problems.push(bagProblem('bag.tagNotCovered', { path: showPath(path), manifest: TAG_MANIFEST_NAME }));
    }
  }
  return problems;
}

/**
 * Directories are not listed in a manifest, so one is accounted for only by holding a listed
 * file (at any depth), or by being `data/` itself. Every other directory — an empty folder under
 * `data/`, a folder of unlisted folders — is content the signature does not cover: these are
 * returned, for the verifier to report as failures.
 */
export function unlistedDirectories(directories: readonly string[], listed: readonly string[]): string[] {
  const accounted = new Set<string>([DATA_DIR]);
  for (const path of listed) {
    const segments = path.split('/');
    for (let end = 1; end < segments.length; end += 1) accounted.add(segments.slice(0, end).join('/'));
  }
  return directories.filter((dir) => !accounted.has(dir));
}
