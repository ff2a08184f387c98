import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, tempDir } from '../../support/samples.js';
import { requireBuiltCli } from '../../support/cli.js';
import { cliTeam, strataAs } from '../../support/cli-team.js';

// `strata metadata export | import` (ADR 0184): every record field through ISO 19139 and JSON.

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;

/** Whether xmllint (Debian libxml2-utils) is installed: the well-formedness check needs it. */
const XMLLINT = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  requireBuiltCli();
  scratch = await tempDir('strata-cli-metadata-');
  home = path.join(scratch.dir, 'home');
  await cliTeam(home);
});
afterAll(async () => {
  await scratch.cleanup();
});

describe('strata metadata export / import', () => {
  it('round-trips every field through ISO 19139 and JSON onto the dataset the file names, and refuses hostile or foreign files', async () => {
    const curator = strataAs(home, 'curator');
    const json = async <T>(...args: string[]): Promise<T> => {
      const result = await curator(...args, '--json');
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as T;
    };
    const file = await copyFixture(scratch.dir, 'chinese', 'raster', 'guilin_dem_xian80_gk40_5m.tif');
    const [dem] = await json<{ id: string }[]>('import', file);
    if (!dem) throw new Error('import');
    const edited = await json<{ fields: Record<string, unknown> }>(
      'edit',
      dem.id,
      ...[
        '--set',
        'title=桂林幅 <1:5万> & 数字高程模型',
        '--set',
        'classification=秘密',
        '--set',
        'period=10年',
      ],
      ...['--set', 'archiveNumber=DZ-1998-0042', '--set', 'keywords=钨矿,花岗岩', '--set', 'year=1998'],
      ...['--set', 'abstract=西安 1980 坐标系，5 米格网。', '--set', 'attribution=广西壮族自治区地质调查院'],
      ...['--set', 'unit=广西地调院', '--set', 'category=地形'],
    );

    const xmlFile = path.join(scratch.dir, 'record.xml');
    const written = await json<{ file: string; version: number }>(
      'metadata',
      'export',
      dem.id,
      '--format',
      'iso19139',
      '--out',
      xmlFile,
    );
    expect(written).toMatchObject({ file: xmlFile, version: 2 });
    const xml = await readFile(xmlFile, 'utf8');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('桂林幅 &lt;1:5万&gt; &amp; 数字高程模型');
    if (XMLLINT) execFileSync('xmllint', ['--noout', xmlFile]);
    else console.warn('xmllint is not installed (apt package libxml2-utils): well-formedness check skipped');
    const jsonDoc = (await curator('metadata', 'export', dem.id, '--format', 'json')).stdout;

    // Someone changes the record; importing the exported XML brings every field back as a new version.
    await json('edit', dem.id, '--set', 'title=改过的题名', '--set', 'keywords=', '--set', 'year=');
    const imported = await json<{ changed: boolean; record: { version: number; fields: unknown } }>(
      'metadata',
      'import',
      xmlFile,
    );
    expect(imported).toMatchObject({ changed: true, record: { version: 4 } });
    expect(imported.record.fields).toEqual(edited.fields);
    // The same file again changes nothing; the JSON export says the same record.
    expect((await json<{ changed: boolean }>('metadata', 'import', xmlFile)).changed).toBe(false);
    const jsonFile = path.join(scratch.dir, 'record.json');
    await writeFile(jsonFile, jsonDoc);
    expect((await json<{ changed: boolean }>('metadata', 'import', jsonFile)).changed).toBe(false);
    const audit = JSON.parse((await strataAs(home, 'reviewer')('audit', 'list', '--json')).stdout) as {
      action: string;
      subject: string;
    }[];
    expect(audit[0]).toMatchObject({ action: 'metadata.import', subject: dem.id });

    // Refusals, with the reason; nothing saved.
    const refuse = async (name: string, text: string, said: string): Promise<void> => {
      const hostile = path.join(scratch.dir, name);
      await writeFile(hostile, text);
      const result = await curator('metadata', 'import', hostile);
      expect(result.code, name).toBe(1);
      expect(result.stderr).toContain(said);
    };
    await refuse(
      'xxe.xml',
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${xml.slice(xml.indexOf('<gmd:MD_Metadata'))}`,
      'xxe.xml cannot be imported: it declares a document type or entities',
    );
    await refuse('kml.xml', '<kml xmlns="http://www.opengis.net/kml/2.2"/>', 'it is neither ISO 19139');
    await refuse(
      'other.xml',
      xml.replace(dem.id, 'ds_ffffffffffffffff'),
      'Not found', // the dataset the file names is not in this archive
    );
    await refuse(
      'bad-period.xml',
      xml.replace(
        '<gco:CharacterString>10年</gco:CharacterString>',
        '<gco:CharacterString>abc</gco:CharacterString>',
      ),
      'record field period (period) must be a number of years',
    );
    const versions = JSON.parse((await curator('history', dem.id, '--json')).stdout) as {
      versions: unknown[];
    };
    expect(versions.versions).toHaveLength(4);

    // A reviewer reads the metadata but may not import it.
    const reviewer = strataAs(home, 'reviewer');
    const read = (await reviewer('metadata', 'export', dem.id, '--format', 'json')).stdout;
    expect((JSON.parse(read) as { record: unknown }).record).toEqual(edited.fields);
    expect((await reviewer('metadata', 'import', xmlFile)).code).toBe(1);
  });
});
