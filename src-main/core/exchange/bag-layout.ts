/**
 * File names of a Strata exchange bag (RFC 8493, see docs/adr/0030). All names are relative to the
 * bag's base directory and use `/` as separator whatever the host OS.
 */
export const DATA_DIR = 'data';
export const BAGIT_TXT_NAME = 'bagit.txt';
export const BAG_INFO_NAME = 'bag-info.txt';
export const MANIFEST_NAME = 'manifest-sha256.txt';
export const TAG_MANIFEST_NAME = 'tagmanifest-sha256.txt';
/** Detached Ed25519 signature over the exact bytes of the tag manifest: 64 raw bytes (ADR 0031). */
export const SIGNATURE_NAME = 'tagmanifest-sha256.txt.sig';
/** The signer's public key, shipped for convenience only; verification never trusts it (ADR 0032). */
export const PUBLIC_KEY_NAME = 'strata-signer-public-key.pem';
/** RFC 8493 §2.2.3: files to be fetched from the network. A one-way gateway never fetches. */
export const FETCH_NAME = 'fetch.txt';

/** Length of a raw Ed25519 signature in bytes (RFC 8032). */
export const ED25519_SIGNATURE_BYTES = 64;

/** Path of a payload file inside the bag: `data/<name>`. */
export const dataPath = (name: string): string => `${DATA_DIR}/${name}`;

/** True when `path` (bag-relative, `/`-separated) lies under `data/`. */
export const isDataPath = (path: string): boolean => path.startsWith(`${DATA_DIR}/`);

/** RFC 8493 §2.2.2 Payload-Oxum: `<octet count>.<stream count>` of the payload. */
export const payloadOxum = (bytes: number, files: number): string => `${bytes}.${files}`;
