import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gdalMetadataItems, gaps } from '../../../../../src-main/core/formats/geotiff/hidden.js';
import { btreeFreeSpans } from '../../../../../src-main/core/formats/geopackage/hidden.js';
import { xmlText } from '../../../../../src-main/core/formats/metadata-sidecars.js';
import { readDbf } from '../../../../../src-main/core/formats/shapefile/dbf.js';
import { fixture } from '../../../../fixtures/index.js';
import { HIDDEN_TEXT } from '../../../../fixtures/hidden.js';

const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(fixture('hidden', name)));

describe('DBF records flagged deleted', () => {
  it('stay out of the records, and the inventory decodes them in the table’s encoding (GBK and UTF-8)', () => {
    for (const [stem, text] of [
      ['kuangdian_deleted_gbk', HIDDEN_TEXT.deletedRecordGbk],
      ['kuangdian_deleted_utf8', HIDDEN_TEXT.deletedRecordUtf8],
    ] as const) {
      const dbf = bytes(`${stem}.dbf`);
      const cpg = bytes(`${stem}.cpg`);
      const plain = readDbf(dbf, cpg, { maxRecords: 10 });
      expect(plain.records[1]).toBeNull();
      expect(plain.deleted).toEqual([]);
      const withDeleted = readDbf(dbf, cpg, { maxRecords: 10, deleted: true });
      expect(withDeleted.records[1]).toBeNull();
      expect(withDeleted.deleted).toEqual([{ record: 2, values: { 名称: text, 编号: 2 } }]);
    }
    expect(readDbf(bytes('kuangdian_clean.dbf'), null, { maxRecords: 10, deleted: true }).deleted).toEqual(
      [],
    );
  });
});

describe('GeoTIFF inventory pieces', () => {
  it('finds the gaps between referenced spans, overlapping and out-of-file spans included', () => {
    expect(
      gaps(
        [
          [0, 8],
          [20, 30],
          [25, 40],
          [100, 200],
        ],
        120,
      ),
    ).toEqual([
      [8, 20],
      [40, 100],
    ]);
    expect(gaps([[0, 10]], 10)).toEqual([]);
  });

  it('reads GDAL_METADATA items, names band descriptions, skips structure', () => {
    const xml = `<GDALMetadata>
  <Item name="来源">C:\\data &amp; more</Item>
  <Item name="DESCRIPTION" sample="1" role="description">高程</Item>
  <Item name="SCALE" sample="0" role="scale">0.1</Item>
  <Item name="LAYOUT" domain="IMAGE_STRUCTURE">COG</Item>
</GDALMetadata>`;
    expect(gdalMetadataItems(xml)).toEqual([
      { part: 'tiff.gdal-metadata', name: '来源', text: 'C:\\data & more' },
      { part: 'tiff.gdal-metadata', name: 'band 2 description', text: '高程' },
    ]);
  });

  it('takes the human text of an XML sidecar, without PAM structure and statistics', () => {
    const pam = `<PAMDataset><SRS>PROJCS["x"]</SRS><GeoTransform>1,2</GeoTransform>
<PAMRasterBand band="1"><Metadata><MDI key="STATISTICS_MEAN">3.5</MDI><MDI key="note">内部 &lt;草稿&gt;</MDI></Metadata></PAMRasterBand>
<!-- a comment --><Description><![CDATA[a <b> c]]></Description></PAMDataset>`;
    expect(xmlText(pam)).toBe('内部 <草稿>\na <b> c');
  });
});

describe('SQLite b-tree free space', () => {
  it('lists a leaf page’s unallocated gap and its freeblocks, and refuses what is no b-tree page', () => {
    const page = new Uint8Array(512);
    const v = new DataView(page.buffer);
    page[0] = 0x0d;
    v.setUint16(1, 300, false); // first freeblock
    v.setUint16(3, 2, false); // two cells
    v.setUint16(5, 200, false); // content starts at 200
    v.setUint16(300, 400, false); // next freeblock
    v.setUint16(302, 20, false);
    v.setUint16(400, 0, false);
    v.setUint16(402, 10, false);
    expect(btreeFreeSpans(page, 0)).toEqual([
      [12, 200],
      [304, 320],
      [404, 410],
    ]);
    page[0] = 0x07;
    expect(btreeFreeSpans(page, 0)).toBeNull();
  });

  it('stops at a looping freeblock chain', () => {
    const page = new Uint8Array(512);
    const v = new DataView(page.buffer);
    page[0] = 0x0d;
    v.setUint16(1, 300, false);
    v.setUint16(5, 200, false);
    v.setUint16(300, 300, false);
    v.setUint16(302, 8, false);
    expect(btreeFreeSpans(page, 0)).toEqual([
      [8, 200],
      [304, 308],
    ]);
  });
});
