import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../src-main/node/store/migrate.js';
import { STRATA_APPLICATION_ID } from '../../../../src-main/node/store/migrations/index.js';
import { SqliteConnection } from '../../../../src-main/node/store/sqlite.js';
import { withTempDir } from '../fixtures.js';

async function columns(conn: SqliteConnection, table: string): Promise<string[]> {
  const rows = await conn.all<{ name: string }>(
    `SELECT name FROM pragma_table_info('${table}') ORDER BY cid`,
  );
  return rows.map((r) => r.name);
}

async function objectNames(conn: SqliteConnection, type: string): Promise<string[]> {
  const rows = await conn.all<{ name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name",
    [type],
  );
  return rows.map((r) => r.name);
}

describe('migration 0001-init', () => {
  it('turns an empty file into a version-1 Strata catalogue with the tables later code writes', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        expect(await migrate(conn, 1)).toBe(1);
        expect(await schemaVersion(conn)).toBe(1);
        expect((await conn.get<{ application_id: number }>('PRAGMA application_id'))?.application_id).toBe(
          STRATA_APPLICATION_ID,
        );
        expect(await objectNames(conn, 'table')).toEqual([
          'audit',
          'datasets',
          'lineage',
          'record_versions',
          'reviews',
        ]);
        expect(await objectNames(conn, 'trigger')).toEqual([
          'audit_append_at_tail',
          'audit_no_delete',
          'audit_no_update',
          'record_versions_immutable',
        ]);
        expect(await columns(conn, 'datasets')).toEqual([
          'pk',
          'id',
          'name',
          'kind',
          'format',
          'info',
          'sha256',
          'byte_size',
          'files',
          'display_key',
          'display_content_type',
          'value_min',
          'value_max',
          'source_id',
          'status',
          'created_at',
          'created_by',
        ]);
        expect(await columns(conn, 'record_versions')).toEqual([
          'dataset_id',
          'version',
          'title',
          'abstract',
          'level',
          'period',
          'author',
          'created_at',
        ]);
        expect(await columns(conn, 'reviews')).toEqual([
          'pk',
          'id',
          'dataset_id',
          'profile_id',
          'profile_version',
          'profile_name',
          'findings',
          'content_sha256',
          'reviewer',
          'created_at',
        ]);
        expect(await columns(conn, 'lineage')).toEqual([
          'dataset_id',
          'source_id',
          'source_sha256',
          'steps',
          'author',
          'created_at',
        ]);
        expect(await columns(conn, 'audit')).toEqual([
          'seq',
          'at',
          'actor',
          'action',
          'subject',
          'details',
          'prev_hash',
          'hash',
        ]);
      } finally {
        await conn.close();
      }
    });
  });

  it('enforces record shape: one version number per dataset, known secrecy levels, info kind matching', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        await migrate(conn, 1);
        await conn.exec('PRAGMA foreign_keys = ON');
        const insertDataset = (id: string, kind: string, info: string): Promise<unknown> =>
          conn.run(
            `INSERT INTO datasets (id, name, kind, format, info, sha256, byte_size, files, display_key, display_content_type, status, created_at, created_by)
             VALUES (?, 'a.tif', ?, 'GeoTIFF', ?, ?, 1, '[]', 'k', 'image/tiff', 'draft', 't', 'u')`,
            [id, kind, info, 'a'.repeat(64)],
          );
        await insertDataset('ds_1', 'raster', '{"kind":"raster"}');
        await expect(insertDataset('ds_2', 'raster', '{"kind":"vector"}')).rejects.toThrow(/CHECK/);
        const version = (v: number, level: string): Promise<unknown> =>
          conn.run("INSERT INTO record_versions VALUES ('ds_1', ?, 't', '', ?, '', 'u', 't')", [v, level]);
        await version(1, '秘密');
        await expect(version(1, '秘密')).rejects.toThrow(/UNIQUE/);
        await expect(version(2, 'secret')).rejects.toThrow(/CHECK/);
        await expect(
          conn.run("INSERT INTO record_versions VALUES ('ds_missing', 1, 't', '', '公开', '', 'u', 't')"),
        ).rejects.toThrow(/FOREIGN KEY/);
        await expect(conn.run("UPDATE record_versions SET title = 'x'")).rejects.toThrow(/immutable/);
      } finally {
        await conn.close();
      }
    });
  });

  it('is all-or-nothing: a migration that fails leaves the file at version 0 with no half-made tables', async () => {
    await withTempDir(async (dir) => {
      const conn = await SqliteConnection.open(path.join(dir, 'c.sqlite'));
      try {
        // A clashing object makes the CREATE TABLE audit statement (late in the script) fail.
        await conn.exec('CREATE TABLE audit (x)');
        await expect(migrate(conn, 1)).rejects.toThrow(/already exists/);
        expect(await schemaVersion(conn)).toBe(0);
        expect((await conn.get<{ application_id: number }>('PRAGMA application_id'))?.application_id).toBe(0);
        expect(await objectNames(conn, 'table')).toEqual(['audit']);
      } finally {
        await conn.close();
      }
    });
  });
});
