import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CallContext } from '../api/caller.js';
import { StrataError } from '../api/errors.js';
import type { ProfileDetail, ProfileSummary } from '../api/types.js';
import type { ReviewProfile } from '../core/review/profile.js';
import { RULES } from '../core/review/rules/index.js';
import type { CatalogueStore } from '../core/ports/index.js';
import type { ServiceDeps } from './deps.js';
import { loadReviewProfile } from './profile-files.js';

/** A profile shipped with the application: its document as written and the profile it loads as. */
export interface ShippedProfile {
  readonly document: ProfileDocument;
  readonly profile: ReviewProfile;
}

/** The shape of a profile document that loaded (parseProfile checked it). */
interface ProfileDocument {
  readonly rules: Readonly<Record<string, unknown>>;
}

/** An agency profile as stored: the document as its file says it, and the hash of it as resolved. */
interface StoredProfile {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly sha256: string;
  readonly file: string;
  /**
   * The folder the file was loaded from, where the local files it names are read again when a
   * review applies it (absent in entries stored before profiles could be chosen for a review).
   */
  readonly directory?: string;
  readonly document: ProfileDocument;
  readonly loadedBy: string;
  readonly loadedAt: string;
}

/** Largest profile file read: keyword lists of a few thousand terms. */
const MAX_PROFILE_BYTES = 4 * 1024 * 1024;

const ruleVersion = (id: string): number => RULES.find((r) => r.id === id)?.version ?? 0;

const rulesOf = (document: ProfileDocument): ProfileDetail['rules'] =>
  Object.entries(document.rules).map(([id, params]) => ({ id, version: ruleVersion(id), params }));

async function storedProfiles(store: CatalogueStore): Promise<StoredProfile[]> {
  const value = await store.getSetting('profiles');
  return Array.isArray(value) ? (value as StoredProfile[]) : [];
}

const shippedDetail = ({ document, profile }: ShippedProfile): ProfileDetail => ({
  id: profile.id,
  version: profile.version,
  name: profile.name,
  sha256: profile.sha256,
  origin: 'shipped',
  file: null,
  loadedBy: null,
  loadedAt: null,
  rules: rulesOf(document),
});

const agencyDetail = (p: StoredProfile): ProfileDetail => ({
  id: p.id,
  version: p.version,
  name: p.name,
  sha256: p.sha256,
  origin: 'agency',
  file: p.file,
  loadedBy: p.loadedBy,
  loadedAt: p.loadedAt,
  rules: rulesOf(p.document),
});

const summaryOf = (p: ProfileDetail): ProfileSummary => ({
  id: p.id,
  version: p.version,
  name: p.name,
  sha256: p.sha256,
  origin: p.origin,
  file: p.file,
  loadedBy: p.loadedBy,
  loadedAt: p.loadedAt,
});

async function allProfiles(deps: ServiceDeps, shipped: readonly ShippedProfile[]): Promise<ProfileDetail[]> {
  return [...shipped.map(shippedDetail), ...(await storedProfiles(deps.store)).map(agencyDetail)];
}

/** `profiles.list`: the shipped profiles, then the agency profiles loaded, each with its hash. */
export async function listProfiles(
  deps: ServiceDeps,
  shipped: readonly ShippedProfile[],
): Promise<ProfileSummary[]> {
  return (await allProfiles(deps, shipped)).map(summaryOf);
}

/** `profiles.show`: one profile's rules and parameters (NOT_FOUND for an id nobody knows). */
export async function showProfile(
  deps: ServiceDeps,
  shipped: readonly ShippedProfile[],
  id: string,
): Promise<ProfileDetail> {
  const found = (await allProfiles(deps, shipped)).find((p) => p.id === id);
  if (found === undefined) throw new StrataError('NOT_FOUND', { what: id });
  return found;
}

/** The problem parseProfile reports as `rules.<id>.<field>: <reason>`: its path names rule and field. */
const problemPath = (problem: string): string => problem.split(': ')[0] ?? problem;

async function readDocument(file: string): Promise<unknown> {
  const name = path.basename(file);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new StrataError('FILE_NOT_FOUND', { file: name });
  });
  try {
    if (text.length > MAX_PROFILE_BYTES) throw new Error('too long');
    return JSON.parse(text);
  } catch {
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.profileNotJson', file: name });
  }
}

/**
 * `profiles.load` (an administrator's act, ADR 0168): reads an agency profile from a local file and
 * validates it in full as a review would apply it (zone files read, every rule and parameter
 * checked). Fails closed, naming the file and the first bad rule or parameter, and the count of
 * problems; refuses the id of a shipped profile and a version not above one already loaded. Stored
 * with its audit entry in one transaction.
 */
export async function loadProfile(
  deps: ServiceDeps,
  ctx: CallContext,
  shipped: readonly ShippedProfile[],
  file: string,
): Promise<ProfileDetail> {
  const absolute = path.resolve(file);
  const name = path.basename(absolute);
  const document = await readDocument(absolute);
  const loaded = await loadReviewProfile(document, path.dirname(absolute), deps.formats);
  if ('problems' in loaded)
    throw new StrataError('INVALID_ARGUMENT', {
      detail: 'detail.profileInvalid',
      file: name,
      path: problemPath(loaded.problems[0] ?? ''),
      count: loaded.problems.length,
    });
  const { profile } = loaded;
  if (shipped.some((s) => s.profile.id === profile.id))
    throw new StrataError('INVALID_ARGUMENT', { detail: 'detail.profileShipped', id: profile.id });
  const stored = await storedProfiles(deps.store);
  const earlier = stored.find((p) => p.id === profile.id);
  if (earlier !== undefined && earlier.version >= profile.version)
    throw new StrataError('INVALID_ARGUMENT', {
      detail: 'detail.profileNotNewer',
      id: profile.id,
      version: earlier.version,
    });
  const entry: StoredProfile = {
    id: profile.id,
    version: profile.version,
    name: profile.name,
    sha256: profile.sha256,
    file: name,
    directory: path.dirname(absolute),
    document: document as ProfileDocument,
    loadedBy: ctx.user,
    loadedAt: deps.clock.now().toISOString(),
  };
  await deps.store.write(async (tx) => {
    await tx.putSetting('profiles', [...stored.filter((p) => p.id !== profile.id), entry], ctx.user);
    await tx.appendAudit({
      actor: ctx.user,
      action: 'profiles.load',
      subject: null,
      details: {
        profile: `${profile.id}@${String(profile.version)}`,
        profileSha256: profile.sha256,
        file: name,
        replaced: earlier === undefined ? null : `${earlier.id}@${String(earlier.version)}`,
      },
    });
  });
  return agencyDetail(entry);
}

const refuse = (
  id: string,
  reason: 'reason.profileChanged' | 'reason.profileFileUnreadable',
  file = '',
): StrataError => new StrataError('PROFILE_REFUSED', { id, reason, file });

/**
 * The profile `id` names, for a review to apply (ADR 0176): a shipped one as it is; an agency one
 * loaded again from its stored document with the local files it names read again from the folder
 * it was loaded from. Fails closed: an id nobody knows is NOT_FOUND; an agency profile that does
 * not load in full now (a zone file gone or unreadable), or whose resolved content no longer
 * hashes to what the administrator loaded (the file changed since, or the stored document was
 * edited), is PROFILE_REFUSED with the reason, and nothing is reviewed.
 */
export async function reviewProfile(
  deps: ServiceDeps,
  shipped: readonly ShippedProfile[],
  id: string,
): Promise<ReviewProfile> {
  const own = shipped.find((s) => s.profile.id === id);
  if (own !== undefined) return own.profile;
  const stored = (await storedProfiles(deps.store)).find((p) => p.id === id);
  if (stored === undefined) throw new StrataError('NOT_FOUND', { what: id });
  let loaded: Awaited<ReturnType<typeof loadReviewProfile>>;
  try {
    loaded = await loadReviewProfile(stored.document, stored.directory ?? '', deps.formats);
  } catch (error) {
    if (!(error instanceof StrataError)) throw error;
    throw refuse(id, 'reason.profileFileUnreadable', String(error.params['file'] ?? ''));
  }
  if ('problems' in loaded || loaded.profile.sha256 !== stored.sha256)
    throw refuse(id, 'reason.profileChanged');
  return loaded.profile;
}
