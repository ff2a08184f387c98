import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkstation } from '../../../src-main/hosting/open-workstation.js';
import type { Workstation } from '../../../src-main/hosting/workstation.js';
import { startHarness, type RunningHarness } from '../../../src-main/harness/server.js';
import { archiveFlow } from '../../support/archive-flow.js';
import { clientOf, httpDispatch } from '../../support/contract-client.js';
import { ROOT, tempDir } from '../../support/samples.js';
import { TEAM, loginCaller, signingTeam, type SigningTeam } from '../../support/signing-team.js';
import type { Dispatch } from '../../../src-main/api/dispatcher.js';
import { headlessDispatcher } from '../../../src-main/hosting/system-handlers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A workstation whose team can approve: the flow runs as the curator, the reviewer approves in process. */
async function workstation(): Promise<{ ws: Workstation; scratch: string; team: SigningTeam }> {
  const tmp = await tempDir();
  cleanups.push(tmp.cleanup);
  const ws = await openWorkstation({
    home: path.join(tmp.dir, 'home'),
  });
  cleanups.push(() => ws.close());
  return { ws, scratch: tmp.dir, team: await signingTeam(ws) };
}

async function curatorDispatch(ws: Workstation): Promise<Dispatch> {
  const curator = await loginCaller(ws, TEAM.curator.name, TEAM.curator.password);
  return headlessDispatcher(ws, 'harness', 'test', curator, (_method, error) => {
    throw error;
  });
}

describe('the archive flow through the contract', () => {
  it('runs in process', async () => {
    const { scratch, team } = await workstation();
    await archiveFlow(team.curator, team.reviewer, scratch);
  });

  it('runs over the loopback harness, which also serves display files with Range and guards its token', async () => {
    const { ws, scratch, team } = await workstation();
    const harness: RunningHarness = await startHarness({
      dispatch: await curatorDispatch(ws),
      resolveFile: (p) => ws.resolveFile(p),
      events: (listener) => ws.onEvent(listener),
      rendererDir: path.join(ROOT, 'dist', 'renderer'),
    });
    cleanups.push(() => harness.close());
    const { demPublicId } = await archiveFlow(
      clientOf(httpDispatch(harness.origin, harness.token)),
      team.reviewer,
      scratch,
    );

    const url = `${harness.origin}/files/datasets/${demPublicId}/display`;
    const ranged = await fetch(url, { headers: { range: 'bytes=0-7', 'x-strata-token': harness.token } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toMatch(/^bytes 0-7\/\d+$/);
    expect(new Uint8Array(await ranged.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x49, 0x49]));

    expect((await fetch(url)).status).toBe(403);
    const rpc = await fetch(`${harness.origin}/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"method":"datasets.list"}',
    });
    expect(rpc.status).toBe(403);
    const traversal = await fetch(`${harness.origin}/files/..%2f..%2fetc%2fpasswd`, {
      headers: { 'x-strata-token': harness.token },
    });
    expect(traversal.status).toBe(404);
  });
});
