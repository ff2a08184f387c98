import type { Element } from '@xmldom/xmldom';
import { declaresDoctype, parseXml } from '../formats/kml/safe-xml.js';
import { ISO_CLASSIFICATION, SECRECY_LEVELS, type SecrecyLevel } from '../model/secrecy.js';
import type { RecordFieldsRow } from '../ports/index.js';
import type { DocumentProblem, ExportedRecord, RecordDocument } from './record-document.js';

// A whole catalogue record as ISO 19139 (gmd) XML and back (ADR 0184). Where each field goes:
//   题名 title            identificationInfo/…/citation/CI_Citation/title
//   形成年份 year         …/CI_Citation/date/CI_Date (dateType creation)/date/gco:Date (a gYear)
//   档号 archiveNumber    …/CI_Citation/identifier/MD_Identifier/code
//   形成单位 unit         …/CI_Citation/citedResponsibleParty (role originator)/organisationName
//   摘要 abstract         …/abstract
//   数据来源 attribution  …/credit
//   关键词 keywords       …/descriptiveKeywords/MD_Keywords (type theme)/keyword, in order
//   资料类别 category     …/descriptiveKeywords/MD_Keywords (thesaurus 资料类别)/keyword
//   密级 level            …/resourceConstraints/MD_SecurityConstraints/classification (codeListValue)
//   保密期限 period       …/MD_SecurityConstraints/handlingDescription
// A field without a value has no element; reading it back gives the same record.

const GMD = 'http://www.isotc211.org/2005/gmd';
const GCO = 'http://www.isotc211.org/2005/gco';
const CODE_LISTS = 'http://www.isotc211.org/2005/resources/Codelist/gmxCodelists.xml';
/** The thesaurus naming the keyword list that holds 资料类别. */
export const CATEGORY_THESAURUS = '资料类别';

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"'\r]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' })[c] ?? c,
  );

const str = (tag: string, value: string): string =>
  `<gmd:${tag}><gco:CharacterString>${escapeXml(value)}</gco:CharacterString></gmd:${tag}>`;

const code = (list: string, value: string, text = value): string =>
  `<gmd:${list} codeList="${CODE_LISTS}#${list}" codeListValue="${value}">${escapeXml(text)}</gmd:${list}>`;

const when = (present: boolean, xml: () => string): string => (present ? xml() : '');

function citation(f: RecordFieldsRow): string {
  const date =
    f.year === undefined
      ? '<gmd:date gco:nilReason="unknown"/>'
      : `<gmd:date><gmd:CI_Date><gmd:date><gco:Date>${String(f.year).padStart(4, '0')}</gco:Date></gmd:date>` +
        `<gmd:dateType>${code('CI_DateTypeCode', 'creation')}</gmd:dateType></gmd:CI_Date></gmd:date>`;
  return [
    '<gmd:citation><gmd:CI_Citation>',
    str('title', f.title),
    date,
    when(f.archiveNumber !== undefined, () =>
      [
        '<gmd:identifier><gmd:MD_Identifier>',
        str('code', f.archiveNumber ?? ''),
        '</gmd:MD_Identifier></gmd:identifier>',
      ].join(''),
    ),
    when(f.unit !== undefined, () =>
      [
        '<gmd:citedResponsibleParty><gmd:CI_ResponsibleParty>',
        str('organisationName', f.unit ?? ''),
        `<gmd:role>${code('CI_RoleCode', 'originator')}</gmd:role>`,
        '</gmd:CI_ResponsibleParty></gmd:citedResponsibleParty>',
      ].join(''),
    ),
    '</gmd:CI_Citation></gmd:citation>',
  ].join('\n');
}

const keywordList = (words: readonly string[], tail: string): string =>
  `<gmd:descriptiveKeywords><gmd:MD_Keywords>${words.map((w) => str('keyword', w)).join('')}${tail}</gmd:MD_Keywords></gmd:descriptiveKeywords>`;

/** The record as an ISO 19139 document, UTF-8, encoding declared. */
export function recordIso19139(record: ExportedRecord): string {
  const f = record.fields;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gmd:MD_Metadata xmlns:gmd="${GMD}" xmlns:gco="${GCO}">`,
    str('fileIdentifier', record.identifier),
    '<gmd:language><gco:CharacterString>zho</gco:CharacterString></gmd:language>',
    `<gmd:characterSet>${code('MD_CharacterSetCode', 'utf8')}</gmd:characterSet>`,
    `<gmd:dateStamp><gco:DateTime>${escapeXml(record.createdAt.replace(/\.\d+Z$/, 'Z'))}</gco:DateTime></gmd:dateStamp>`,
    '<gmd:identificationInfo><gmd:MD_DataIdentification>',
    citation(f),
    str('abstract', f.abstract),
    when(f.attribution !== '', () => str('credit', f.attribution)),
    when(f.keywords !== undefined, () =>
      keywordList(f.keywords ?? [], `<gmd:type>${code('MD_KeywordTypeCode', 'theme')}</gmd:type>`),
    ),
    when(f.category !== undefined, () =>
      keywordList(
        [f.category ?? ''],
        `<gmd:thesaurusName><gmd:CI_Citation>${str('title', CATEGORY_THESAURUS)}<gmd:date gco:nilReason="unknown"/></gmd:CI_Citation></gmd:thesaurusName>`,
      ),
    ),
    '<gmd:resourceConstraints><gmd:MD_SecurityConstraints>',
    `<gmd:classification>${code('MD_ClassificationCode', ISO_CLASSIFICATION[f.level], f.level)}</gmd:classification>`,
    when(f.period !== '', () => str('handlingDescription', f.period)),
    '</gmd:MD_SecurityConstraints></gmd:resourceConstraints>',
    '<gmd:language><gco:CharacterString>zho</gco:CharacterString></gmd:language>',
    '</gmd:MD_DataIdentification></gmd:identificationInfo>',
    '</gmd:MD_Metadata>',
  ]
    .filter((line) => line !== '')
    .map((line) => `${line}\n`)
    .join('');
}

/** The gmd child elements of `parent` named `name`, in document order. */
function children(parent: Element | null, name: string): Element[] {
  if (parent === null) return [];
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).namespaceURI === GMD && (n as Element).localName === name)
      out.push(n as Element);
  return out;
}

/** Follows a path of gmd children, first match at each step. */
function at(from: Element | null, ...path: string[]): Element | null {
  let el = from;
  for (const name of path) el = children(el, name)[0] ?? null;
  return el;
}

/** The text of an element's gco:CharacterString (or other gco value) child. */
function value(el: Element | null, gco = 'CharacterString'): string | undefined {
  if (el === null) return undefined;
  for (let n = el.firstChild; n !== null; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).namespaceURI === GCO && (n as Element).localName === gco)
      return n.textContent ?? '';
  return undefined;
}

const LEVEL_OF_CODE = new Map(SECRECY_LEVELS.map((level) => [ISO_CLASSIFICATION[level], level]));

type Read = RecordDocument | DocumentProblem;

function readIdentification(id: Element, identifier: string): Read {
  const cite = at(id, 'citation', 'CI_Citation');
  const title = value(at(cite, 'title'));
  if (title === undefined) return { reason: 'metadata.refused.missing', params: { element: 'gmd:title' } };
  const security = at(id, 'resourceConstraints', 'MD_SecurityConstraints');
  const levelCode =
    at(security, 'classification', 'MD_ClassificationCode')?.getAttribute('codeListValue') ?? '';
  const level: SecrecyLevel | undefined = LEVEL_OF_CODE.get(levelCode);
  if (level === undefined) return { reason: 'metadata.refused.classification', params: { code: levelCode } };
  const creation = children(cite, 'date')
    .map((d) => at(d, 'CI_Date'))
    .find((d) => at(d, 'dateType', 'CI_DateTypeCode')?.getAttribute('codeListValue') === 'creation');
  const yearText = value(at(creation ?? null, 'date'), 'Date');
  const lists = children(id, 'descriptiveKeywords').map((k) => at(k, 'MD_Keywords'));
  const thesaurus = (list: Element | null): string | undefined =>
    value(at(list, 'thesaurusName', 'CI_Citation', 'title'));
  const words = (list: Element | null | undefined): string[] =>
    children(list ?? null, 'keyword').map((k) => value(k) ?? '');
  const keywordList = lists.find((l) => thesaurus(l) === undefined);
  const categoryList = lists.find((l) => thesaurus(l) === CATEGORY_THESAURUS);
  const unitParty = children(cite, 'citedResponsibleParty')
    .map((p) => at(p, 'CI_ResponsibleParty'))
    .find((p) => at(p, 'role', 'CI_RoleCode')?.getAttribute('codeListValue') === 'originator');
  const optional = {
    archiveNumber: value(at(cite, 'identifier', 'MD_Identifier', 'code')),
    keywords: keywordList ? words(keywordList) : undefined,
    unit: value(at(unitParty ?? null, 'organisationName')),
    category: categoryList ? words(categoryList)[0] : undefined,
    // `YYYY` or a full date: its year. Anything else is NaN, which the year field refuses.
    year: yearText === undefined ? undefined : Number(/^\s*(\d{1,4})(-|\s*$)/.exec(yearText)?.[1] ?? NaN),
  };
  return {
    identifier,
    fields: {
      title,
      abstract: value(at(id, 'abstract')) ?? '',
      level,
      period: value(at(security, 'handlingDescription')) ?? '',
      attribution: value(at(id, 'credit')) ?? '',
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    },
  };
}

/**
 * Reads an ISO 19139 record: refused when it declares a DTD or entities (before any parser sees
 * it), is not well-formed, is not `gmd:MD_Metadata`, or lacks what a record needs. Parsed by the
 * same safe parse as received metadata (core/formats/kml/safe-xml.ts): nothing is ever loaded.
 */
export function readRecordIso19139(text: string): Read {
  if (declaresDoctype(text)) return { reason: 'metadata.refused.doctype' };
  let root: Element | null;
  try {
    root = parseXml(text).documentElement;
  } catch {
    return { reason: 'metadata.refused.malformed' };
  }
  if (root?.localName !== 'MD_Metadata' || root.namespaceURI !== GMD)
    return { reason: 'metadata.refused.notMetadata' };
  const identifier = value(at(root, 'fileIdentifier'));
  if (identifier === undefined)
    return { reason: 'metadata.refused.missing', params: { element: 'gmd:fileIdentifier' } };
  const id = at(root, 'identificationInfo', 'MD_DataIdentification');
  if (id === null)
    return { reason: 'metadata.refused.missing', params: { element: 'gmd:MD_DataIdentification' } };
  return readIdentification(id, identifier.trim());
}
