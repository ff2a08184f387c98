import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  publicMetadataIso19139,
  publicMetadataJson,
  type PublicMetadata,
} from '../../src-main/core/catalogue/public-metadata.js';
import { strataBagInfo } from '../../src-main/core/exchange/index.js';
import type { BagSigner } from '../../src-main/core/ports/index.js';
import { writeBag } from '../../src-main/node/exchange/index.js';
import { copyFixture } from './samples.js';

/** The title of the public version the sender's bag carries. */
export const SENT_TITLE = '广西矿点分布图（公开版）';

/** The public metadata a sending workstation writes for a GBK shapefile of mineral occurrences. */
function sentMetadata(): PublicMetadata {
  return {
    identifier: 'ds_0123456789abcdef',
    title: SENT_TITLE,
    abstract: '矿点位置已降低精度至 100 米。',
    level: '公开',
    dataFile: 'data/矿点.shp',
    format: 'Shapefile',
    crs: 'EPSG:4490',
    extent: [108, 22, 110, 24],
    geographicExtent: [108, 22, 110, 24],
    size: { featureCount: 3, geometryType: 'Point' },
    lineage: { source: 'ds_fedcba9876543210', steps: ['坐标降精度至 100 米'] },
    review: { id: 'rv_0000000000000001', profile: 'cn-default@2', reviewer: 'wang.shen', date: '2026-12-01' },
    organisation: '某省地质资料馆',
    attribution: '某省地质调查院',
  };
}

/**
 * A package as the sending side's export writes it (the bag writer, its public metadata in JSON
 * and ISO 19139, bag-info with level 公开), signed by `signer`: what the receiving side is given.
 */
export async function senderBag(outDir: string, name: string, signer: BagSigner): Promise<string> {
  const set = await copyFixture(outDir, 'chinese', 'shapefile', 'kuangdian_gbk_cpg');
  const payload = [];
  for (const file of (await readdir(set)).sort()) {
    const path = join(set, file);
    const sha256 = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
    payload.push({ name: file, sourcePath: path, sha256 });
  }
  const meta = sentMetadata();
  const written = await writeBag({
    outDir,
    bagName: name,
    payload,
    generated: [
      { name: 'metadata.json', content: publicMetadataJson(meta) },
      { name: 'metadata.xml', content: publicMetadataIso19139(meta) },
    ],
    bagInfo: strataBagInfo({
      sourceOrganization: '某省地质资料馆',
      baggingDate: '2026-12-02',
      externalIdentifier: 'DZ-2026-0042-GK',
      reviewId: meta.review.id,
      reviewer: meta.review.reviewer,
      approvalDate: meta.review.date,
      auditHead: 'ab'.repeat(32),
    }),
    signer,
  });
  return written.bag;
}
