import { describe, expect, it } from 'vitest';
import {
  bagPlanProblems as keyedPlanProblems,
  completenessProblems as keyedCompletenessProblems,
  type BagListing,
} from '../../../../src-main/core/exchange/index.js';
import { textsOf } from '../../../support/messages.js';

// The checks return message keys + params; these read them as the English a host shows.
const completenessProblems = (listing: BagListing): string[] => textsOf(keyedCompletenessProblems(listing));
const bagPlanProblems = (name: string, payload: readonly string[]): string[] =>
  textsOf(keyedPlanProblems(name, payload));

const TAGS = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'strata-signer-public-key.pem'];
const complete = {
  files: [...TAGS, 'tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.sig', 'data/a.tif', 'data/m/b.xml'],
  manifest: ['data/a.tif', 'data/m/b.xml'],
  tagManifest: TAGS,
};

describe('completenessProblems', () => {
  it('accepts a complete bag', () => {
    expect(completenessProblems(complete)).toEqual([]);
  });

  it('names missing, extra and uncovered files', () => {
    expect(
      completenessProblems({ ...complete, files: complete.files.filter((f) => f !== 'data/a.tif') }),
    ).toEqual(['"data/a.tif": listed in manifest-sha256.txt but missing']);
    expect(completenessProblems({ ...complete, files: [...complete.files, 'data/extra.txt'] })).toEqual([
      '"data/extra.txt": in data/ but not in manifest-sha256.txt',
    ]);
    expect(completenessProblems({ ...complete, files: [...complete.files, 'notes.txt'] })).toEqual([
      '"notes.txt": tag file not covered by tagmanifest-sha256.txt',
    ]);
    expect(
      completenessProblems({ ...complete, tagManifest: TAGS.filter((t) => t !== 'bag-info.txt') }),
    ).toEqual(['"bag-info.txt": tag file not covered by tagmanifest-sha256.txt']);
    expect(
      completenessProblems({ ...complete, files: complete.files.filter((f) => f !== 'bagit.txt') }),
    ).toContain('bagit.txt: missing');
    expect(completenessProblems({ ...complete, manifest: [...complete.manifest, 'bag-info.txt'] })).toEqual([
      '"bag-info.txt": payload manifest lists a file outside data/',
    ]);
  });
});

describe('bagPlanProblems', () => {
  it('accepts a normal plan and refuses unsafe bag or payload names', () => {
    expect(bagPlanProblems('DZ-2025-0001', ['a.tif', 'metadata/a.xml'])).toEqual([]);
    expect(bagPlanProblems('../x', ['a.tif']).join()).toMatch(/parent-directory/);
    expect(bagPlanProblems('.hidden', ['a.tif']).join()).toMatch(/must not start/);
    expect(bagPlanProblems('ok', ['A.tif', 'a.tif']).join()).toMatch(/collides/);
    expect(bagPlanProblems('ok', []).join()).toMatch(/payload is empty/);
  });
});
