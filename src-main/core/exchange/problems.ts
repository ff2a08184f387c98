/**
 * A problem found in a bag (or a bag about to be written), as a message key and its params —
 * bag-relative paths (quoted by showPath), line numbers and sizes, never file contents. Hosts
 * render `bag.*` keys from the catalogue in src-main/api/messages.ts, which must cover this list.
 */
export type BagProblemKey =
  | 'bag.missing'
  | 'bag.outsideData'
  | 'bag.listedButMissing'
  | 'bag.notAllowedInTagManifest'
  | 'bag.notInManifest'
  | 'bag.tagNotCovered'
  | 'bag.emptyPath'
  | 'bag.absolutePath'
  | 'bag.drivePath'
  | 'bag.backslash'
  | 'bag.nulInPath'
  | 'bag.controlInPath'
  | 'bag.invalidUnicode'
  | 'bag.emptySegment'
  | 'bag.parentSegment'
  | 'bag.currentSegment'
  | 'bag.windowsCharacter'
  | 'bag.trailingDotOrSpace'
  | 'bag.reservedName'
  | 'bag.nameTooLong'
  | 'bag.collides'
  | 'bag.isDirectory'
  | 'bag.listedTwice'
  | 'bag.parentIsFile'
  | 'bag.nameSlash'
  | 'bag.nameDot'
  | 'bag.payloadEmpty'
  | 'bag.notDeclaration'
  | 'bag.bagitVersion'
  | 'bag.bagitEncoding'
  | 'bag.infoLabelEmpty'
  | 'bag.infoLabelCharacters'
  | 'bag.infoValueControl'
  | 'bag.infoValueSpace'
  | 'bag.infoLabelReserved'
  | 'bag.infoContinuation'
  | 'bag.infoLine'
  | 'bag.manifestLine'
  | 'bag.manifestTwice'
  | 'bag.tagTooLarge'
  | 'bag.tagNotUtf8'
  | 'bag.tooDeep'
  | 'bag.unlistedDirectory'
  | 'bag.symlink'
  | 'bag.special'
  | 'bag.payloadOxum'
  | 'bag.checksum'
  | 'bag.noTrustedKey'
  | 'bag.keyNotEd25519'
  | 'bag.keyNotPem'
  | 'bag.signatureSize'
  | 'bag.unreadable'
  | 'bag.signatureInvalid'
  | 'bag.rootSymlink'
  | 'bag.rootNotDirectory'
  | 'bag.skipped'
  | 'bag.fetchRefused'
  | 'bag.fileTooLarge'
  | 'bag.payloadTooLarge'
  | 'bag.tooManyFiles'
  | 'bag.metadataMissing'
  | 'bag.metadataInvalid'
  | 'bag.metadataXmlInvalid'
  | 'bag.dataFileMissing'
  | 'bag.formatUnrecognised'
  | 'bag.formatMismatch'
  | 'bag.fileNotInSet'
  | 'bag.levelNotPublic'
  | 'bag.alreadyReceived'
  | 'bag.payloadChanged'
  | 'bag.importFailed';

export interface BagProblem {
  readonly key: BagProblemKey;
  readonly params: Readonly<Record<string, string | number>>;
}

export const bagProblem = (
  key: BagProblemKey,
  params: Readonly<Record<string, string | number>> = {},
): BagProblem => ({ key, params });
