import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import type { DatasetSummary } from '../../src-main/api/types.js';
import { harnessApi, type HarnessApi } from './harness-api.js';
import { TEAM } from '../support/team.js';
import { citeSource } from '../support/release-ready.js';
import { approveByCli, cliTeam, strataAs, type CliRun, type Member } from '../support/cli-team.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Set to 1 by `npm run screenshots`: the scenarios' screenshots then refresh docs/screenshots/. */
const SCREENSHOTS_TO_DOCS = process.env['STRATA_SCREENSHOTS'] === '1';

export interface Harness {
  /** Page URL with the per-run token. */
  readonly url: string;
  readonly origin: string;
  /** The contract over HTTP, for setting up the state a scenario starts from. */
  readonly api: HarnessApi;
  /** Scratch directory (removed after the test) for copies of input files and export targets. */
  readonly scratch: string;
  /** Copies an input file into the scratch directory (a Shapefile with its whole folder); returns the copy. */
  readonly stage: (file: string) => Promise<string>;
  /** Stages the files and imports them through the contract; every one must import. */
  readonly importFiles: (...files: string[]) => Promise<DatasetSummary[]>;
  /** Imports one file that must give exactly one dataset. */
  readonly importOne: (file: string) => Promise<DatasetSummary>;
  /**
   * The reviewer wang.shen approves the current review of a dataset from the command line, signed
   * with his own key (ADR 0176); only in a scenario `signedInAs` a member of the team.
   */
  readonly approve: (id: string) => Promise<void>;
  /** Runs `strata` on the harness's data home as a member of the signing team (beside the running harness). */
  readonly strataAs: (member: Member) => CliRun;
  /** What a release of a dataset needs: its source cited and reviewed (as the harness's user), and approved. */
  readonly readyForRelease: (id: string) => Promise<void>;
}

export interface Scenario {
  /**
   * Null: the data home has no accounts and the harness acts as the local user. A member of the
   * signing team (tests/support/signing-team.ts): the home has the team's accounts (made with the
   * CLI) and the harness is logged in as that member.
   */
  readonly signedInAs: Member | null;
  readonly harness: Harness;
  /** Screenshot named `name`.png: into the test's output folder, or docs/screenshots/ for `npm run screenshots`. */
  readonly shot: (name: string) => Promise<void>;
  /** Errors the page logged (uncaught exceptions, console errors); the test fails unless it stays empty. */
  readonly pageErrors: string[];
}

export async function startHarness(
  home: string,
  member: Member | null,
): Promise<{ child: ChildProcess; url: string }> {
  const user = member === null ? 'curator' : TEAM[member].name;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist', 'main', 'harness.mjs'), '--home', home, '--user', user],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: member === null ? process.env : { ...process.env, STRATA_PASSWORD: TEAM[member].password },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /STRATA_HARNESS_URL=(\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`harness exited (${String(code)}) before it was ready`));
    });
  });
  return { child, url };
}

export async function stopHarness(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGTERM');
  await exited;
}

/**
 * Every scenario gets its own harness, started from the built bundle like `npm run dev`, with a
 * fresh data home: no scenario depends on another having run first.
 */
export const test = base.extend<Scenario>({
  signedInAs: [null, { option: true }],
  harness: async ({ signedInAs }, use) => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'strata-e2e-'));
    const home = path.join(scratch, 'home');
    if (signedInAs !== null) await cliTeam(home);
    const { child, url } = await startHarness(home, signedInAs);
    const { origin, searchParams } = new URL(url);
    const api = harnessApi(origin, searchParams.get('token') ?? '');
    const stage = async (file: string): Promise<string> => {
      const folder = file.toLowerCase().endsWith('.shp');
      const source = folder ? path.dirname(file) : file;
      const target = path.join(scratch, 'inputs', path.basename(source));
      await cp(source, target, { recursive: true });
      return folder ? path.join(target, path.basename(file)) : target;
    };
    const importFiles = async (...files: string[]): Promise<DatasetSummary[]> => {
      const paths = await Promise.all(files.map(stage));
      const result = await api.call('datasets.import', { paths });
      expect(result.failures).toEqual([]);
      return [...result.datasets];
    };
    const importOne = async (file: string): Promise<DatasetSummary> => {
      const [only, ...more] = await importFiles(file);
      if (!only || more.length > 0) throw new Error(`${path.basename(file)}: expected one dataset`);
      return only;
    };
    try {
      const approve = (id: string): Promise<void> => {
        if (signedInAs === null) throw new Error('approvals need the signing team: test.use({ signedInAs })');
        return approveByCli(home, id);
      };
      const readyForRelease = async (id: string): Promise<void> => {
        await citeSource(api, id);
        await api.call('review.run', { id });
        await approve(id);
      };
      await use({
        url,
        origin,
        api,
        scratch,
        stage,
        importFiles,
        importOne,
        approve,
        readyForRelease,
        strataAs: (member) => strataAs(home, member),
      });
    } finally {
      await stopHarness(child);
      await rm(scratch, { recursive: true, force: true });
    }
  },
  pageErrors: [
    // Takes the harness so that its check runs before the harness stops: a request the page
    // still makes while the harness shuts down is refused, and that is not the scenario's error.
    async ({ page, harness }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await use(errors);
      expect(errors, `errors in the page of ${harness.origin}`).toEqual([]);
    },
    { auto: true },
  ],
  shot: async ({ page }, use, testInfo) => {
    await use(async (name) => {
      const file = SCREENSHOTS_TO_DOCS
        ? path.join(ROOT, 'docs', 'screenshots', `${name}.png`)
        : testInfo.outputPath(`${name}.png`);
      // Map tiles keep arriving after the UI state a step waits for: capture once the screen has
      // stopped changing (two captures alike), not after a fixed delay.
      const capture: { last: Buffer | null } = { last: null };
      await expect
        .poll(async () => {
          const next = await page.screenshot({ animations: 'disabled' });
          const still = capture.last?.equals(next) ?? false;
          capture.last = next;
          return still;
        })
        .toBe(true);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, capture.last ?? Buffer.alloc(0));
    });
  },
});

/** Opens the workstation in the page and waits until it has connected and verified its audit chain. */
export async function openWorkstation(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByTestId('app-title')).toBeVisible();
  await expect(page.getByTestId('audit-status')).toHaveAttribute('data-state', 'ok');
}

/** A dataset's row in the layer list. */
export const datasetRow = (page: Page, id: string) => page.getByTestId(`dataset-row-${id}`);

/** Selects a dataset in the layer list and waits for its detail panel. */
export async function selectDataset(page: Page, id: string): Promise<void> {
  await datasetRow(page, id).click();
  await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-dataset', id);
}

export { expect };
