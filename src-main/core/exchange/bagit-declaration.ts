import { bagProblem, type BagProblem } from './problems.js';
import { BAGIT_TXT_NAME } from './bag-layout.js';

/** The bag declaration written by Strata (RFC 8493 §2.1.1), byte for byte. */
export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

const DECLARATION = /^BagIt-Version: (\d+)\.(\d+)\r?\nTag-File-Character-Encoding: (.+?)\r?\n?$/;

/**
 * Problems with a `bagit.txt` declaration as read (empty = valid). Accepts BagIt 0.97 and 1.x with
 * UTF-8 tag files, which is what the receiving side can read.
 */
export function bagitDeclarationProblems(text: string): BagProblem[] {
  const match = DECLARATION.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return [bagProblem('bag.notDeclaration', { path: BAGIT_TXT_NAME })];
  const [, major, minor, encoding] = match;
  const problems: BagProblem[] = [];
  const version = `${major ?? ''}.${minor ?? ''}`;
  if (major !== '1' && version !== '0.97')
    problems.push(bagProblem('bag.bagitVersion', { path: BAGIT_TXT_NAME, version }));
  if (encoding?.trim().toUpperCase() !== 'UTF-8')
    problems.push(bagProblem('bag.bagitEncoding', { path: BAGIT_TXT_NAME }));
  return problems;
}
