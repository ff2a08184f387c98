import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { asReviewId } from '../../../src-main/core/model/index.js';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import { firstRecord, idOf, rasterRow, searchIds, withTempDir } from './fixtures.js';

const fields = (title: string) => ({
  title,
  abstract: '1:5万区域地质调查',
  level: '秘密' as const,
  period: '10年',
  attribution: '广西壮族自治区地质调查院',
});

describe('record versions, reviews and status', () => {
  it('appends versions in order and refuses a save based on a stale version with CONFLICT {current}', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'), {
        now: () => new Date('2024-06-01T00:00:00.000Z'),
      });
      try {
        await store.write((tx) => tx.insertDataset(rasterRow(1), firstRecord('初稿')));
        const v2 = await store.write((tx) => tx.appendRecordVersion(idOf(1), 1, fields('二稿'), 'li.na'));
        expect(v2).toEqual({
          datasetId: idOf(1),
          version: 2,
          fields: fields('二稿'),
          author: 'li.na',
          createdAt: '2024-06-01T00:00:00.000Z',
        });

        // A second editor still holding version 1.
        const err: unknown = await store
          .write((tx) => tx.appendRecordVersion(idOf(1), 1, fields('冲突稿'), 'wang.fang'))
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StrataError);
        expect((err as StrataError).code).toBe('CONFLICT');
        expect((err as StrataError).params).toEqual({ current: 2 });

        const versions = await store.recordVersions(idOf(1));
        expect(versions.map((v) => [v.version, v.fields.title, v.author])).toEqual([
          [1, '初稿', 'zhang.wei'],
          [2, '二稿', 'li.na'],
        ]);
        // The search index follows the latest version only.
        expect(await searchIds(store, '二稿')).toEqual([idOf(1)]);
        expect(await searchIds(store, '初稿')).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });

  it('unknown datasets give NOT_FOUND; status changes persist', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'));
      try {
        await expect(
          store.write((tx) => tx.appendRecordVersion(idOf(9), 1, fields('x'), 'u')),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.write((tx) => tx.setStatus(idOf(9), 'reviewed'))).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        await store.write((tx) => tx.insertDataset(rasterRow(1), firstRecord('t')));
        await store.write((tx) => tx.setStatus(idOf(1), 'reviewed'));
        expect((await store.getDataset(idOf(1)))?.status).toBe('reviewed');
        expect(await store.getDataset(idOf(9))).toBeNull();
      } finally {
        await store.close();
      }
    });
  });

  it('latestReview returns the most recently stored review with its findings intact', async () => {
    await withTempDir(async (dir) => {
      const store = await openCatalogue(path.join(dir, 'c.sqlite'));
      try {
        await store.write((tx) => tx.insertDataset(rasterRow(1), firstRecord('t')));
        const review = (n: number, severity: 'blocking' | 'warning') => ({
          id: asReviewId(`rv_${String(n)}`),
          datasetId: idOf(1),
          profileId: 'default',
          profileVersion: 3,
          profileName: '默认保密审查规则',
          findings: [
            {
              ruleId: 'raster-resolution',
              ruleVersion: 1,
              severity,
              messageKey: 'finding.demResolution' as const,
              params: { resolution: 5, threshold: 100 },
              where: { band: 1 },
              action: 'resample' as const,
            },
          ],
          profileSha256: 'ab'.repeat(32),
          rules: [{ id: 'raster-resolution', version: 1 }],
          contentSha256: rasterRow(1).sha256,
          reviewer: 'li.na',
          createdAt: '2024-06-01T00:00:00.000Z',
        });
        expect(await store.latestReview(idOf(1))).toBeNull();
        await store.write((tx) => tx.insertReview(review(1, 'warning')));
        await store.write((tx) => tx.insertReview(review(2, 'blocking')));
        expect(await store.latestReview(idOf(1))).toEqual(review(2, 'blocking'));
        await expect(
          store.write((tx) => tx.insertReview({ ...review(3, 'warning'), datasetId: idOf(7) })),
        ).rejects.toThrow(/FOREIGN KEY/);
      } finally {
        await store.close();
      }
    });
  });
});
