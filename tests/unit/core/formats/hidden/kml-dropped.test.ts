import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kmlDroppedTexts } from '../../../../../src-main/core/formats/kml/hidden.js';
import { fixture } from '../../../../fixtures/index.js';

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">
  <Document>
    <name>钻孔</name>
    <description>内部资料 请勿外传</description>
    <atom:author><atom:name>张工</atom:name></atom:author>
    <Style id="s"><LineStyle><color>ff0000ff</color><width>2</width></LineStyle>
      <BalloonStyle><text><![CDATA[<b>$[name]</b> 联系 C:\\资料]]></text></BalloonStyle></Style>
    <Schema name="holes" id="holes"><SimpleField name="孔深" type="float"><displayName>孔深（精确值）</displayName></SimpleField></Schema>
    <!-- exported from \\\\gis-server\\kml -->
    <Folder>
      <name>矿点</name>
      <ExtendedData><Data name="来源"><value>勘查院内部</value></Data></ExtendedData>
      <Placemark>
        <name>ZK001</name>
        <Snippet>绝密 坐标</Snippet>
        <description>花岗岩</description>
        <styleUrl>#s</styleUrl>
        <ExtendedData><Data name="孔深"><value>120</value></Data></ExtendedData>
        <Point><coordinates>110.1,25.2,0</coordinates></Point>
      </Placemark>
    </Folder>
  </Document>
</kml>`;

describe('kmlDroppedTexts: what the KML reader does not read', () => {
  it('lists container descriptions and data, authors, balloon texts, schema names, snippets, comments', () => {
    expect(kmlDroppedTexts(new TextEncoder().encode(KML))).toEqual([
      { part: 'kml.dropped', name: 'Document/description', text: '内部资料 请勿外传' },
      { part: 'kml.dropped', name: 'Document/author/name', text: '张工' },
      { part: 'kml.dropped', name: 'Document/Style/BalloonStyle/text', text: '<b>$[name]</b> 联系 C:\\资料' },
      { part: 'kml.dropped', name: 'Document/Schema/SimpleField/displayName', text: '孔深（精确值）' },
      { part: 'kml.dropped', name: 'Document <!-- -->', text: 'exported from \\\\gis-server\\kml' },
      { part: 'kml.dropped', name: 'Folder/ExtendedData/Data/value', text: '勘查院内部' },
      { part: 'kml.dropped', name: 'Placemark/Snippet', text: '绝密 坐标' },
    ]);
  });

  it('finds nothing dropped in what GDAL’s KML and LIBKML writers produce from attributes alone', () => {
    for (const name of ['广西地质.kml', '广西地质_libkml.kml', 'nested.kml'])
      expect(kmlDroppedTexts(new Uint8Array(readFileSync(fixture('kml', name)))), name).toEqual([]);
  });
});
