import { describe, expect, it } from 'vitest';
import { HIDDEN_PARTS, type SubjectText } from '../../../../src-main/core/model/index.js';
import type { ReviewSubject } from '../../../../src-main/core/review/rule.js';
import { hiddenContentRule } from '../../../../src-main/core/review/rules/index.js';

const PARAMS = { parts: [...HIDDEN_PARTS], minLength: 2, localPaths: true };

const subject = (hidden: readonly SubjectText[]): ReviewSubject => ({
  kind: 'vector',
  name: '矿点.shp',
  layer: null,
  texts: [{ part: 'file-name', name: '矿点.shp', text: 'C:\\矿点.shp' }],
  hidden,
  info: {
    kind: 'vector',
    featureCount: 0,
    geometryType: 'Point',
    fields: [],
    crs: null,
    extent: null,
    encoding: 'UTF-8',
  },
  features: [],
});

const check = (hidden: readonly SubjectText[], params = PARAMS): [string, string, string, string][] =>
  hiddenContentRule
    .check(subject(hidden), hiddenContentRule.params.parse(params))
    .map((f) => [f.severity, f.messageKey, f.where.part ?? '', f.where.name ?? '']);

describe('hidden-content rule', () => {
  it('finds nothing without hidden texts (the visible texts are other rules’ business)', () => {
    expect(check([])).toEqual([]);
  });

  it('gives one finding per part: residue blocking, descriptions a warning, all to be stripped', () => {
    const findings = hiddenContentRule.check(
      subject([
        { part: 'dbf.deleted-record', name: 'record 2', text: '删除记录绝密靶区 | 2' },
        { part: 'dbf.deleted-record', name: 'record 5', text: '另一条' },
        { part: 'tiff.tag', name: 'Artist', text: '张工' },
      ]),
      PARAMS,
    );
    expect(findings).toEqual([
      {
        ruleId: 'hidden-content',
        ruleVersion: 1,
        severity: 'blocking',
        messageKey: 'finding.hiddenResidue',
        params: { count: 2 },
        where: { part: 'dbf.deleted-record', name: 'record 2, record 5' },
        action: 'strip-hidden',
      },
      {
        ruleId: 'hidden-content',
        ruleVersion: 1,
        severity: 'warning',
        messageKey: 'finding.hiddenContent',
        params: { count: 1 },
        where: { part: 'tiff.tag', name: 'Artist' },
        action: 'strip-hidden',
      },
    ]);
  });

  it('blocks a local path or intranet host in a hidden text, and a HostComputer tag, once per part', () => {
    expect(
      check([
        { part: 'tiff.tag', name: 'HostComputer', text: 'ws01' },
        { part: 'tiff.tag', name: 'DocumentName', text: 'C:\\Users\\zhang\\dem.tif' },
        { part: 'sidecar', name: 'a.tif.aux.xml', text: '\\\\fileserver\\survey' },
      ]),
    ).toEqual([
      ['warning', 'finding.hiddenContent', 'tiff.tag', 'HostComputer, DocumentName'],
      ['blocking', 'finding.hiddenLocalPath', 'tiff.tag', 'HostComputer, DocumentName'],
      ['warning', 'finding.hiddenContent', 'sidecar', 'a.tif.aux.xml'],
      ['blocking', 'finding.hiddenLocalPath', 'sidecar', 'a.tif.aux.xml'],
    ]);
    // Turned off, the paths are only hidden content.
    expect(
      check([{ part: 'tiff.tag', name: 'DocumentName', text: 'C:\\Users\\zhang\\dem.tif' }], {
        ...PARAMS,
        localPaths: false,
      }),
    ).toEqual([['warning', 'finding.hiddenContent', 'tiff.tag', 'DocumentName']]);
  });

  it('flags only the parts the profile names and texts of at least minLength characters', () => {
    const hidden: SubjectText[] = [
      { part: 'tiff.xmp', name: 'XMP', text: ' x ' },
      { part: 'sqlite.free-space', name: 'page 3 GBK', text: '已删机密矿段' },
    ];
    expect(check(hidden)).toEqual([['blocking', 'finding.hiddenResidue', 'sqlite.free-space', 'page 3 GBK']]);
    expect(check(hidden, { ...PARAMS, parts: ['tiff.xmp'], minLength: 1 })).toEqual([
      ['warning', 'finding.hiddenContent', 'tiff.xmp', 'XMP'],
    ]);
  });

  it('lists at most five names of a part and says there are more', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      part: 'unreferenced-bytes' as const,
      name: `${String(i * 100)} UTF-8`,
      text: 'residue text',
    }));
    expect(check(many)[0]?.[3]).toBe('0 UTF-8, 100 UTF-8, 200 UTF-8, 300 UTF-8, 400 UTF-8, …');
  });

  it('refuses parameters it does not know, parts that do not exist, an empty part list', () => {
    expect(hiddenContentRule.params.safeParse({ ...PARAMS, extra: 1 }).success).toBe(false);
    expect(hiddenContentRule.params.safeParse({ ...PARAMS, parts: ['tiff.nothing'] }).success).toBe(false);
    expect(hiddenContentRule.params.safeParse({ ...PARAMS, parts: [] }).success).toBe(false);
    expect(hiddenContentRule.params.safeParse({ ...PARAMS, minLength: 0 }).success).toBe(false);
  });
});
