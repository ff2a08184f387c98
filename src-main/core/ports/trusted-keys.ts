/** A sending workstation's public key the receiving side has pinned (ADR 0177). */
export interface PinnedKey {
  /** SHA-256 (hex) of the key's DER SPKI encoding. */
  readonly fingerprint: string;
  /** The key as SPKI PEM. */
  readonly pem: string;
}

/**
 * The keys a received bag's signature may verify with. They live beside the workstation key,
 * outside the catalogue: editing the catalogue cannot add one.
 */
export interface TrustedKeys {
  list(): Promise<readonly PinnedKey[]>;
  /**
   * Pins an Ed25519 public key given as PEM; `added` is false when it was pinned already.
   * Throws INVALID_ARGUMENT (`detail.keyNotEd25519Pem`) for anything else.
   */
  pin(pem: string): Promise<{ readonly key: PinnedKey; readonly added: boolean }>;
}
