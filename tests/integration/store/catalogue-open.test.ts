import { copyFile, open, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StrataError } from '../../../src-main/api/errors.js';
import { openCatalogue } from '../../../src-main/node/store/catalogue.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src-main/node/store/migrations/index.js';
import { SqliteConnection } from '../../../src-main/node/store/sqlite.js';
import { firstRecord, idOf, rasterRow, withTempDir } from './fixtures.js';
import { fixture } from '../../fixtures/index.js';
import { renderMessage } from '../../../src-main/api/messages.js';

async function expectStrataError(p: Promise<unknown>, code: string, problem: RegExp): Promise<StrataError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StrataError);
  const se = err as StrataError;
  expect(se.code).toBe(code);
  expect(renderMessage(`error.${se.code}`, se.params, 'en')).toMatch(problem);
  return se;
}

describe('opening the catalogue', () => {
  it('has its schema steps numbered 1..N without a gap, so no catalogue can skip one', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('keeps datasets, versions, reviews, lineage and the audit chain across close and reopen', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'catalogue.sqlite');
      let store = await openCatalogue(file);
      await store.write(async (tx) => {
        await tx.insertDataset(rasterRow(1), firstRecord('广西 DEM'));
        await tx.insertDataset(
          rasterRow(2, { sourceId: idOf(1), status: 'public-version' }),
          firstRecord('广西 DEM（公开版）'),
        );
        await tx.insertLineage({
          datasetId: idOf(2),
          sourceId: idOf(1),
          sourceSha256: rasterRow(1).sha256,
          steps: [{ step: 'resample-block-average', params: { factor: 4 }, description: 'lineage.resample' }],
          author: 'li.na',
          createdAt: '2024-05-02T00:00:00.000Z',
        });
        await tx.appendAudit({
          actor: 'li.na',
          action: 'release.create',
          subject: idOf(2),
          details: { source: idOf(1) },
        });
      });
      await store.close();

      store = await openCatalogue(file);
      try {
        expect(await store.quickCheck()).toBe(true);
        expect(await store.getDataset(idOf(1))).toEqual(rasterRow(1));
        expect(await store.derivedFrom(idOf(1))).toEqual([idOf(2)]);
        expect((await store.lineage(idOf(2)))?.steps).toEqual([
          { step: 'resample-block-average', params: { factor: 4 }, description: 'lineage.resample' },
        ]);
        expect((await store.recordVersions(idOf(2)))[0]?.fields.title).toBe('广西 DEM（公开版）');
        expect(await store.auditVerify()).toMatchObject({ ok: true, entries: 1 });
      } finally {
        await store.close();
      }
      const raw = await SqliteConnection.open(file);
      try {
        expect((await raw.get<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode).toBe('wal');
        expect((await raw.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBe(
          LATEST_SCHEMA_VERSION,
        );
      } finally {
        await raw.close();
      }
    });
  });

  it('refuses a file that is not SQLite (a GeoTIFF) with CORRUPT_FILE naming the file, and leaves it untouched', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'catalogue.sqlite');
      await copyFile(fixture('raster/elev.tif'), file);
      const before = await stat(file);
      const err = await expectStrataError(openCatalogue(file), 'CORRUPT_FILE', /not an SQLite database/);
      expect(err.params.file).toBe('catalogue.sqlite');
      expect((await stat(file)).size).toBe(before.size);
    });
  });

  it("refuses another application's SQLite file (a GeoPackage) without migrating it", async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'nc.gpkg');
      await copyFile(fixture('gpkg/nc.gpkg'), file);
      const err = await expectStrataError(openCatalogue(file), 'CORRUPT_FILE', /foreign application_id/);
      // The SQLite header's application_id (offset 68, big-endian): 'GPKG' as GDAL writes GeoPackage 1.2+.
      const header = await readFile(file);
      expect(header.subarray(68, 72).toString('latin1')).toBe('GPKG');
      expect(err.params.applicationId).toBe(header.readUInt32BE(68));
      const raw = await SqliteConnection.open(file, { readOnly: true });
      try {
        expect(await raw.get("SELECT name FROM sqlite_schema WHERE name = 'audit'")).toBeUndefined();
      } finally {
        await raw.close();
      }
    });
  });

  it('refuses a catalogue written by a newer schema version', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      await (await openCatalogue(file)).close();
      const raw = await SqliteConnection.open(file);
      await raw.exec(`PRAGMA user_version = ${String(LATEST_SCHEMA_VERSION + 1)}`);
      await raw.close();
      const err = await expectStrataError(openCatalogue(file), 'CORRUPT_FILE', /newer Strata/);
      expect(err.params.schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1);
    });
  });

  it('refuses a catalogue whose pages are damaged (quick_check)', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const store = await openCatalogue(file);
      await store.write(async (tx) => {
        for (let i = 1; i <= 200; i += 1)
          await tx.insertDataset(rasterRow(i), firstRecord(`图幅 ${String(i)}`, '区域地质调查'.repeat(20)));
      });
      await store.close();
      const { size } = await stat(file);
      const pageSize = 4096;
      const handle = await open(file, 'r+');
      // Scribble over a page in the middle of the file (not page 1, so the header still says SQLite).
      await handle.write(
        Buffer.alloc(pageSize, 0x5a),
        0,
        pageSize,
        Math.floor(size / pageSize / 2) * pageSize,
      );
      await handle.close();
      await expectStrataError(openCatalogue(file), 'CORRUPT_FILE', /quick_check|malformed/);
    });
  });

  it('read-only mode reads everything and refuses writes with READ_ONLY', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      const rw = await openCatalogue(file);
      await rw.write((tx) => tx.insertDataset(rasterRow(1), firstRecord('t')));
      await rw.close();
      const ro = await openCatalogue(file, { readOnly: true });
      try {
        expect(ro.readOnly).toBe(true);
        expect(await ro.listDatasets()).toHaveLength(1);
        const err: unknown = await ro
          .write((tx) => tx.setStatus(idOf(1), 'reviewed'))
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StrataError);
        expect((err as StrataError).code).toBe('READ_ONLY');
        expect((await ro.getDataset(idOf(1)))?.status).toBe('draft');
      } finally {
        await ro.close();
      }
      await expect(openCatalogue(path.join(dir, 'missing.sqlite'), { readOnly: true })).rejects.toMatchObject(
        { code: 'FILE_NOT_FOUND' },
      );
    });
  });

  it('an empty file is a fresh catalogue', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'c.sqlite');
      await writeFile(file, '');
      const store = await openCatalogue(file);
      try {
        expect(await store.listDatasets()).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
});
