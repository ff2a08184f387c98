import { DOMParser, type Document } from '@xmldom/xmldom';
import iconv from 'iconv-lite';
import { corrupt, unsupported } from '../format-error.js';

/**
 * Largest XML text (KML, GPX) parsed, in bytes. xmldom builds a full DOM of roughly 15–20 times
 * the text; this keeps that inside the parse worker's heap cap (ADR 0080) with room for the
 * features built from it.
 */
export const XML_MAX_BYTES = 32 * 1024 * 1024;

/** A file head as Latin-1 text, for detection: the markup it looks for is ASCII. */
export function headText(head: Uint8Array): string {
  let text = '';
  for (let i = 0; i < head.length; i += 1) text += String.fromCharCode(head[i] ?? 0);
  return text;
}

/** The text of an XML file: BOM first (UTF-8/UTF-16), then the declaration's encoding, else UTF-8. */
export function decodeXml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: iconv.decode(bytes.subarray(3), 'utf8'), encoding: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  let prolog = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i += 1) prolog += String.fromCharCode(bytes[i] ?? 0);
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(prolog)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    if (!iconv.encodingExists(declared)) throw unsupported('xmlEncoding', { encoding: declared });
    return { text: iconv.decode(bytes, declared), encoding: declared.toUpperCase() };
  }
  return { text: iconv.decode(bytes, 'utf8'), encoding: 'UTF-8' };
}

/**
 * True when the text declares a document type or an entity outside character data. Entities are
 * how "billion laughs" expansion and external entities (XXE: `SYSTEM "file:///…"`) work, and
 * neither KML nor GPX needs a DTD, so any declaration is refused before the parser sees it —
 * whatever the parser would do with it. CDATA sections and comments are set aside first: HTML
 * descriptions in CDATA often begin with `<!DOCTYPE html>`.
 */
export function declaresDoctype(text: string): boolean {
  const markup = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  return /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i.test(markup);
}

/**
 * Parses XML that has passed `declaresDoctype`: any error (mismatched tags, an undefined entity)
 * ends the parse as corrupt, with the line xmldom names. Never loads anything: xmldom has no
 * resolver for external resources.
 */
export function parseXml(text: string): Document {
  if (declaresDoctype(text)) throw unsupported('xmlDoctype');
  let line = 0;
  const parser = new DOMParser({
    onError(level, message) {
      if (level === 'warning') return;
      line = Number(/line:(\d+)/.exec(message)?.[1] ?? 0);
      throw new Error('xml');
    },
  });
  try {
    return parser.parseFromString(text, 'text/xml');
  } catch {
    throw corrupt('xmlMalformed', { line });
  }
}
