import { beforeAll } from 'vitest';
import type { CallContext } from '../../src-main/api/caller.js';
import { headlessDispatcher } from '../../src-main/hosting/system-handlers.js';
import { localUserCaller } from './test-dispatch.js';
import type { Workstation } from '../../src-main/hosting/workstation.js';
import { clientOf, type Client } from './contract-client.js';
import { TEAM } from './team.js';
import { workstationSuite, type WorkstationSuite } from './workstation-suite.js';

export { TEAM } from './team.js';
export { approveCurrent } from './release-ready.js';

export interface SigningTeam {
  readonly admin: Client;
  readonly curator: Client;
  readonly reviewer: Client;
}

/** A client calling `ws` as `caller`; an unexpected internal error fails the test. */
export const clientAs = (ws: Workstation, caller: CallContext): Client =>
  clientOf(
    headlessDispatcher(ws, 'harness', 'test', caller, (_method, error) => {
      throw error;
    }),
  );

/** The caller `session.login` makes of `name` on `ws`, for a host to act as. */
export function loginCaller(ws: Workstation, name: string, password: string): Promise<CallContext> {
  return clientAs(ws, localUserCaller(ws, '')).call('session.login', { name, password });
}

/** A client logged in to `ws` as `name`. */
export async function loginAs(ws: Workstation, name: string, password: string): Promise<Client> {
  return clientAs(ws, await loginCaller(ws, name, password));
}

/** The team logged in to a workstation whose accounts they are. */
export async function loginTeam(ws: Workstation): Promise<SigningTeam> {
  return {
    admin: await loginAs(ws, TEAM.admin.name, TEAM.admin.password),
    curator: await loginAs(ws, TEAM.curator.name, TEAM.curator.password),
    reviewer: await loginAs(ws, TEAM.reviewer.name, TEAM.reviewer.password),
  };
}

/** Enables accounts on a workstation still in the open mode, with the team's accounts, and logs them in. */
export async function signingTeam(ws: Workstation): Promise<SigningTeam> {
  const local = clientAs(ws, localUserCaller(ws, 'zhang.san'));
  await local.call('accounts.enable', { name: TEAM.admin.name, password: TEAM.admin.password });
  const admin = await loginAs(ws, TEAM.admin.name, TEAM.admin.password);
  for (const member of [TEAM.curator, TEAM.reviewer])
    await admin.call('users.add', { name: member.name, roles: [...member.roles], password: member.password });
  return loginTeam(ws);
}

/** A workstation suite whose catalogue has the team's accounts; `client` is the curator li.na. */
export interface SigningSuite extends WorkstationSuite {
  readonly team: SigningTeam;
}

/** `workstationSuite()` with accounts enabled for the team before the file's tests (logged in again on reopen). */
export function signingSuite(): SigningSuite {
  const base = workstationSuite();
  let team: SigningTeam | null = null;
  const need = (): SigningTeam => {
    if (team === null) throw new Error('the signing suite is used outside its tests');
    return team;
  };
  beforeAll(async () => {
    team = await signingTeam(base.ws);
  });
  return {
    get dir() {
      return base.dir;
    },
    get home() {
      return base.home;
    },
    get ws() {
      return base.ws;
    },
    get client() {
      return need().curator;
    },
    get team() {
      return need();
    },
    async whileClosed(work) {
      await base.whileClosed(work);
      team = await loginTeam(base.ws);
    },
  };
}
