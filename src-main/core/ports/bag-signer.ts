/** The workstation's signing key (ADR 0031). The private key never leaves the adapter. */
export interface BagSigner {
  /** Ed25519 signature (64 raw bytes, RFC 8032) of `data`. */
  sign(data: Uint8Array): Uint8Array;
  /** SPKI PEM of the Ed25519 public key. */
  publicKeyPem(): string;
  /** SHA-256 (hex) of the DER-encoded SPKI public key. */
  fingerprint(): string;
}
