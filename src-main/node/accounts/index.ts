export { createAccountCrypto, DEFAULT_KDF, unwrapUserKey } from './account-crypto.js';
export { fileAnchor } from './anchor-file.js';
