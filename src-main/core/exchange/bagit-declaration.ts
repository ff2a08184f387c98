import { BAGIT_TXT_NAME } from './bag-layout.js';

/** The bag declaration written by Strata (RFC 8493 §2.1.1), byte for byte. */
export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

const DECLARATION = /^BagIt-Version: (\d+)\.(\d+)\r?\nTag-File-Character-Encoding: (.+?)\r?\n?$/;

/**
 * Problems with a `bagit.txt` declaration as read (empty = valid). Accepts BagIt 0.97 and 1.x with
 * UTF-8 tag files, which is what the receiving side can read.
 */
export function bagitDeclarationProblems(text: string): string[] {
  const match = DECLARATION.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return [`${BAGIT_TXT_NAME}: not a BagIt declaration`];
  const [, major, minor, encoding] = match;
  const problems: string[] = [];
  const version = `${major ?? ''}.${minor ?? ''}`;
  if (major !== '1' && version !== '0.97')
    problems.push(`${BAGIT_TXT_NAME}: unsupported BagIt version ${version}`);
  if (encoding?.trim().toUpperCase() !== 'UTF-8') problems.push(`${BAGIT_TXT_NAME}: tag files must be UTF-8`);
  return problems;
}
