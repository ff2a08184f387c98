export { createAccountCrypto, DEFAULT_KDF, unwrapUserKey } from './account-crypto.js';
