import { localCaller } from '../../../src-main/api/caller.js';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, JobProgressEvent } from '../../../src-main/api/events.js';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import { headlessDispatcher } from '../../../src-main/hosting/system-handlers.js';
import {
  TEAM,
  approveCurrent,
  loginCaller,
  signingTeam,
  type SigningTeam,
} from '../../support/signing-team.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server.js';
import { clientOf, httpDispatch, type Client } from '../../support/contract-client.js';
import { writeNoiseRaster } from '../../support/noise-raster.js';
import { ROOT, tempDir } from '../../support/samples.js';
import { openEventLog, type EventLog } from '../../support/sse.js';
import { renderMessage } from '../../../src-main/api/messages.js';
import { readyForRelease, TEST_ATTRIBUTION } from '../../support/release-ready.js';

let scratch: { dir: string; cleanup: () => Promise<void> };
let home: string;
let ws: Workstation;
let harness: RunningHarness;
let client: Client;
let team: SigningTeam;
let publicId = '';

const progressOf = (events: readonly HostEvent[], jobId: string): JobProgressEvent[] =>
  events.flatMap((e) => (e.name === 'job.progress' && e.payload.jobId === jobId ? [e.payload] : []));
const finishedOf = (events: readonly HostEvent[], jobId: string) =>
  events.find((e) => e.name === 'job.finished' && e.payload.jobId === jobId);

beforeAll(async () => {
  scratch = await tempDir('strata-jobs-');
  home = path.join(scratch.dir, 'home');
  ws = await openWorkstation({ home });
  team = await signingTeam(ws);
  // The harness acts as the curator li.na; the reviewer approves in process.
  const curator = await loginCaller(ws, TEAM.curator.name, TEAM.curator.password);
  const dispatch = headlessDispatcher(ws, 'harness', 'test', curator, (_method, error) => {
    throw error;
  });
  harness = await startHarness({
    dispatch,
    resolveFile: (p) => ws.resolveFile(p),
    events: (listener) => ws.onEvent(listener),
    rendererDir: path.join(ROOT, 'dist', 'renderer'),
  });
  client = clientOf(httpDispatch(harness.origin, harness.token));
});
afterAll(async () => {
  await harness.close();
  await ws.close();
  await scratch.cleanup();
});

describe('long jobs over the harness: progress on /events, cancel through the contract', () => {
  it('a release reports throttled progress through its phases and ends with job.finished ok', async () => {
    // 5000² × 2 bands Float32 of noise: 200 MB whose public version is as large (imagery keeps its
    // grid), so the export below runs long enough (~0.5 s here) to be cancelled half-way.
    const noise = await writeNoiseRaster(scratch.dir, 'noise.tif', 5000);
    const [source] = (await client.call('datasets.import', { paths: [noise] })).datasets;
    if (!source) throw new Error('import');
    await readyForRelease({ curator: client, reviewer: team.reviewer }, source.id);

    const log = await openEventLog(harness.origin, harness.token);
    const jobId = 'job_release0001';
    const started = Date.now();
    const release = await client.call('release.create', { id: source.id, jobId });
    const elapsed = Date.now() - started;
    await log.until((events) => finishedOf(events, jobId) !== undefined, 5_000);
    log.close();
    publicId = release.id;

    const progress = progressOf(log.events, jobId);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['resample', 'review', 'store']));
    const resample = progress.filter((p) => p.phase === 'resample');
    expect(resample.length).toBeGreaterThanOrEqual(2);
    for (const [i, p] of resample.entries()) {
      expect(p.total).toBe(resample[0]?.total);
      expect(p.done).toBeGreaterThanOrEqual(resample[i - 1]?.done ?? 0);
    }
    // At most ten events a second per job (plus the first, which goes out at once).
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
    expect(finishedOf(log.events, jobId)?.payload).toEqual({ jobId, ok: true });
    const last = log.events.filter((e) => e.payload.jobId === jobId).at(-1);
    expect(last?.name).toBe('job.finished');
  });

  it('an export cancelled mid-way fails with CANCELLED and leaves no bag, no temp file, no audit entry', async () => {
    expect(publicId).not.toBe('');
    await client.call('catalogue.save', {
      id: publicId,
      baseVersion: 1,
      fields: {
        title: '噪声影像（公开版）',
        abstract: '',
        level: '公开',
        period: '',
        attribution: TEST_ATTRIBUTION,
      },
    });
    expect((await client.call('review.run', { id: publicId })).passed).toBe(true);
    await approveCurrent(team.reviewer, publicId);
    const outDir = path.join(scratch.dir, 'gateway-out');
    const log = await openEventLog(harness.origin, harness.token);
    const jobId = 'job_export0001';

    // Cancel from inside the host's first progress event: the abort lands while the copy is under
    // way whatever the disk speed, so the outcome does not depend on timing.
    const cancels: Promise<{ cancelled: boolean }>[] = [];
    const stop = ws.onEvent((event) => {
      if (cancels.length === 0 && event.name === 'job.progress' && event.payload.jobId === jobId) {
        cancels.push(ws.handlers['jobs.cancel']({ jobId }, localCaller('curator')));
      }
    });
    const error = await client.fail('exchange.export', { id: publicId, outDir, jobId });
    stop();
    expect(await Promise.all(cancels)).toEqual([{ cancelled: true }]);
    expect(error.code).toBe('CANCELLED');
    expect(error.params).toEqual({});
    expect(renderMessage('error.CANCELLED', error.params, 'zh-CN')).toBe('操作已取消');
    await log.until((events) => finishedOf(events, jobId) !== undefined, 5_000);
    log.close();

    expect(progressOf(log.events, jobId).every((p) => p.phase === 'package')).toBe(true);
    expect(finishedOf(log.events, jobId)?.payload).toEqual({ jobId, ok: false });
    expect(await readdir(outDir)).toEqual([]);
    expect(await readdir(path.join(home, 'work'))).toEqual([]);
    expect(await readdir(path.join(home, 'store', 'tmp'))).toEqual([]);
    const audit = await client.call('audit.list', { limit: 100 });
    expect(audit.map((e) => e.action)).not.toContain('exchange.export');
    expect((await client.call('datasets.get', { id: publicId })).summary.status).toBe('public-version');
    expect(await client.call('jobs.cancel', { jobId })).toEqual({ cancelled: false });

    // Nothing of the cancelled run is in the way: the same export now completes.
    const done = await client.call('exchange.export', { id: publicId, outDir, jobId });
    expect((await client.call('exchange.verify', { bag: done.bag })).ok).toBe(true);
  });

  it('cancel of a job nobody runs answers false; a job id must match the pattern', async () => {
    expect(await client.call('jobs.cancel', { jobId: 'job_unknown00' })).toEqual({ cancelled: false });
    const bad = await client.fail('jobs.cancel', { jobId: '../etc' });
    expect(bad.code).toBe('INVALID_ARGUMENT');
    const badExport = await client.fail('exchange.export', {
      id: publicId,
      outDir: scratch.dir,
      jobId: 'JOB-1',
    });
    expect(badExport.code).toBe('INVALID_ARGUMENT');
  });

  it('/events wants the token, streams text/event-stream with heartbeats and ends when the harness closes', async () => {
    expect((await fetch(`${harness.origin}/events`)).status).toBe(403);
    const quick = await startHarness({
      dispatch: httpDispatch(harness.origin, harness.token),
      resolveFile: () => Promise.resolve(null),
      events: (listener) => ws.onEvent(listener),
      rendererDir: path.join(ROOT, 'dist', 'renderer'),
      eventHeartbeatMs: 50,
    });
    const head = await fetch(`${quick.origin}/events`, { headers: { 'x-strata-token': quick.token } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(head.headers.get('content-security-policy')).toContain("connect-src 'self'");
    await head.body?.cancel();

    const log: EventLog = await openEventLog(quick.origin, quick.token);
    await log.until(() => log.comments.includes('heartbeat'), 5_000);
    await quick.close();
    await log.ended;
    expect(log.events).toEqual([]);
  });
});
