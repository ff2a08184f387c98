import iconv from 'iconv-lite';

/** A text encoding choice: the iconv-lite name used to decode and the label reported to users. */
export interface DbfEncoding {
  readonly iconvName: string;
  readonly label: string;
}

const UTF8: DbfEncoding = { iconvName: 'utf8', label: 'UTF-8' };
const GBK: DbfEncoding = { iconvName: 'gbk', label: 'GBK' };

const cp = (n: number): DbfEncoding => {
  if (n === 936) return GBK;
  if (n >= 1250 && n <= 1258) return { iconvName: `windows-${String(n)}`, label: `windows-${String(n)}` };
  if (n === 950) return { iconvName: 'big5', label: 'Big5' };
  return { iconvName: `cp${String(n)}`, label: `CP${String(n)}` };
};

/**
 * dBASE language-driver ids (.dbf byte 29) → code page, as GDAL's shapefile driver maps them.
 * 0x57 ("ANSI", the writer's system code page) is absent on purpose: it is resolved by content.
 */
const LDID: Readonly<Record<number, number>> = {
  0x01: 437,
  0x02: 850,
  0x03: 1252,
  0x08: 865,
  0x09: 437,
  0x0a: 850,
  0x0b: 437,
  0x0d: 437,
  0x0e: 850,
  0x0f: 437,
  0x10: 850,
  0x11: 437,
  0x12: 850,
  0x13: 932,
  0x14: 850,
  0x15: 437,
  0x16: 850,
  0x17: 865,
  0x18: 437,
  0x19: 437,
  0x1a: 850,
  0x1b: 437,
  0x1c: 863,
  0x1d: 850,
  0x1f: 852,
  0x22: 852,
  0x23: 852,
  0x24: 860,
  0x25: 850,
  0x26: 866,
  0x37: 850,
  0x40: 852,
  0x4d: 936,
  0x4e: 949,
  0x4f: 950,
  0x50: 874,
  0x58: 1252,
  0x59: 1252,
  0x64: 852,
  0x65: 866,
  0x66: 865,
  0x67: 861,
  0x6a: 737,
  0x6b: 857,
  0x78: 950,
  0x79: 949,
  0x7a: 936,
  0x7b: 932,
  0x7c: 874,
  0x86: 737,
  0x87: 852,
  0x88: 857,
  0xc8: 1250,
  0xc9: 1251,
  0xca: 1254,
  0xcb: 1253,
  0xcc: 1257,
};

/** Reads a .cpg: a code page name or number. Anything else (an HTML page, a long text) is ignored. */
export function encodingFromCpg(cpg: Uint8Array): DbfEncoding | null {
  if (cpg.length === 0 || cpg.length > 64) return null;
  let text = '';
  for (const b of cpg) {
    if (b > 0x7e) return null;
    text += String.fromCharCode(b);
  }
  const name = text.trim().toUpperCase();
  if (!/^[A-Z0-9 _.:-]+$/.test(name)) return null;
  if (/^UTF-?8$/.test(name)) return UTF8;
  if (/^(GBK|CP ?936|GB2312|EUC-CN|(ANSI )?936)$/.test(name)) return GBK;
  if (name === 'GB18030') return { iconvName: 'gb18030', label: 'GB18030' };
  if (name === 'BIG5') return cp(950);
  const number = /^(?:ANSI |CP|WINDOWS-|OEM )?(\d{3,5})$/.exec(name)?.[1];
  if (number !== undefined) {
    if (number === '65001') return UTF8;
    if (/^8859\d+$/.test(number))
      return { iconvName: `iso-8859-${number.slice(4)}`, label: `ISO-8859-${number.slice(4)}` };
    const enc = cp(Number(number));
    return iconv.encodingExists(enc.iconvName) ? enc : null;
  }
  return iconv.encodingExists(name) ? { iconvName: name.toLowerCase(), label: name } : null;
}

/** Code page named by the .dbf language-driver byte, or null (0, 0x57 "ANSI" or unknown). */
export function encodingFromLdid(ldid: number): DbfEncoding | null {
  const page = LDID[ldid];
  return page === undefined ? null : cp(page);
}

/** True when the bytes are well-formed UTF-8 (no overlongs or surrogates). */
export function isValidUtf8(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return false;
    let cp32 = c & (0x3f >> n);
    for (let k = 1; k <= n; k += 1) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return false;
      cp32 = (cp32 << 6) | (cc & 0x3f);
    }
    if (cp32 < min || cp32 > 0x10ffff || (cp32 >= 0xd800 && cp32 <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

/**
 * Chooses how to decode .dbf text: the .cpg when it names a code page, else the language-driver
 * byte, else the content: well-formed UTF-8 → UTF-8, otherwise GBK (Chinese archives' ANSI code
 * page). `text` is the concatenated bytes of the header field names and character fields.
 */
export function chooseEncoding(cpg: Uint8Array | null, ldid: number, text: Uint8Array): DbfEncoding {
  const fromCpg = cpg === null ? null : encodingFromCpg(cpg);
  if (fromCpg !== null) return fromCpg;
  const fromLdid = encodingFromLdid(ldid);
  if (fromLdid !== null) return fromLdid;
  return isValidUtf8(text) ? UTF8 : GBK;
}

/** Decodes bytes with the chosen encoding. */
export const decodeText = (bytes: Uint8Array, enc: DbfEncoding): string => iconv.decode(bytes, enc.iconvName);
