import { describe, expect, it } from 'vitest';
import type { RecordFieldsRow } from '../../../../src-main/core/ports/index.js';
import { isDocumentProblem } from '../../../../src-main/core/record/record-document.js';
import { readRecordIso19139, recordIso19139 } from '../../../../src-main/core/record/record-iso19139.js';
import { readRecordJson, recordJson } from '../../../../src-main/core/record/record-json.js';

const full: RecordFieldsRow = {
  title: '广西桂林幅 1:5万 区域地质调查 <数字> & "高程"',
  abstract: "西安 1980 坐标系 3 度带第 40 带，5 米格网。\r\n第二段：钨矿、花岗岩 '引号'。  ",
  level: '机密',
  period: '20年',
  attribution: '广西壮族自治区地质调查院',
  archiveNumber: 'DZ-1998-0042',
  keywords: ['钨矿', '花岗岩', 'GIS & 遥感'],
  unit: '广西地质调查院第一分院',
  category: '区域地质调查',
  year: 1998,
};
const minimal: RecordFieldsRow = { title: '题名', abstract: '', level: '公开', period: '', attribution: '' };
const exported = (fields: RecordFieldsRow) => ({
  identifier: 'ds_0123456789abcdef',
  version: 3,
  createdAt: '2026-12-04T10:00:00.123Z',
  fields,
});

describe('a record as ISO 19139', () => {
  it('declares UTF-8 and round-trips every field, Chinese and markup characters intact', () => {
    const xml = recordIso19139(exported(full));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gmd:MD_Metadata')).toBe(true);
    expect(xml).toContain('codeListValue="secret">机密</gmd:MD_ClassificationCode>');
    expect(xml).toContain('<gco:Date>1998</gco:Date>');
    expect(readRecordIso19139(xml)).toEqual({ identifier: 'ds_0123456789abcdef', fields: full });
  });

  it('writes no element for a field without a value, and reads the same record back', () => {
    const xml = recordIso19139(exported(minimal));
    for (const absent of ['gmd:credit', 'gmd:keyword', 'gmd:handlingDescription', 'gmd:MD_Identifier'])
      expect(xml).not.toContain(absent);
    expect(readRecordIso19139(xml)).toEqual({ identifier: 'ds_0123456789abcdef', fields: minimal });
  });

  it('refuses a DTD or entities before parsing, malformed XML, other roots and unknown levels', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' +
      '<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd">&lol2;</gmd:MD_Metadata>';
    expect(readRecordIso19139(bomb)).toEqual({ reason: 'metadata.refused.doctype' });
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(readRecordIso19139(xxe)).toEqual({ reason: 'metadata.refused.doctype' });
    expect(readRecordIso19139('<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd">')).toEqual({
      reason: 'metadata.refused.malformed',
    });
    expect(readRecordIso19139('<kml xmlns="http://www.opengis.net/kml/2.2"/>')).toEqual({
      reason: 'metadata.refused.notMetadata',
    });
    const xml = recordIso19139(exported(full));
    expect(readRecordIso19139(xml.replace('codeListValue="secret"', 'codeListValue="cosmic"'))).toEqual({
      reason: 'metadata.refused.classification',
      params: { code: 'cosmic' },
    });
    const noTitle = xml.replace(/<gmd:title>.*?<\/gmd:title>/, '');
    expect(readRecordIso19139(noTitle)).toMatchObject({ params: { element: 'gmd:title' } });
  });
});

describe('a record as JSON', () => {
  it('round-trips every field', () => {
    for (const fields of [full, minimal])
      expect(readRecordJson(recordJson(exported(fields)))).toEqual({
        identifier: 'ds_0123456789abcdef',
        fields,
      });
  });

  it('refuses what is not a record document, naming a wrong member', () => {
    expect(readRecordJson('not json')).toEqual({ reason: 'metadata.refused.notMetadata' });
    expect(readRecordJson('{"title": "x"}')).toEqual({ reason: 'metadata.refused.notMetadata' });
    const wrong = readRecordJson(
      JSON.stringify({
        strataRecord: 1,
        identifier: 'ds_0123456789abcdef',
        record: { ...full, year: '1998' },
      }),
    );
    expect(isDocumentProblem(wrong) && wrong.params).toEqual({ element: 'record.year' });
  });
});
