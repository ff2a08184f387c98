import { CLI } from './cli.js';
import { runCommand } from './gdal.js';
import { TEAM } from './team.js';

// The signing team (tests/support/signing-team.ts) on a data directory, made and used through the
// command line: `strata init --admin`, `strata users add`, and every command as one of them with
// `--user` and STRATA_PASSWORD, exactly as a person would (ADR 0170, 0176).

export type Member = keyof typeof TEAM;
export type CliRun = (...args: string[]) => Promise<{ stdout: string; stderr: string; code: number }>;

/** `strata` on `home` as `member` (its password from STRATA_PASSWORD), in `lang`. */
export const strataAs =
  (home: string, member: Member, lang: 'en' | 'zh-CN' = 'en'): CliRun =>
  (...args) =>
    runCommand(
      process.execPath,
      [CLI, '--home', home, '--lang', lang, '--user', TEAM[member].name, ...args],
      {
        STRATA_PASSWORD: TEAM[member].password,
      },
    );

async function must(run: ReturnType<CliRun>): Promise<string> {
  const result = await run;
  if (result.code !== 0) throw new Error(`strata failed (${String(result.code)}): ${result.stderr}`);
  return result.stdout;
}

/** Enables accounts on `home` with the team's administrator and adds the curator and the reviewer. */
export async function cliTeam(home: string): Promise<void> {
  await must(
    runCommand(process.execPath, [CLI, '--home', home, 'init', '--admin', TEAM.admin.name], {
      STRATA_NEW_PASSWORD: TEAM.admin.password,
    }),
  );
  for (const member of ['curator', 'reviewer'] as const)
    await must(
      runCommand(
        process.execPath,
        [
          CLI,
          ...['--home', home, '--user', TEAM.admin.name],
          ...['users', 'add', TEAM[member].name, '--role', TEAM[member].roles.join(',')],
        ],
        { STRATA_PASSWORD: TEAM.admin.password, STRATA_NEW_PASSWORD: TEAM[member].password },
      ),
    );
}

interface ShownReview {
  readonly review: { id: string; findings: { severity: string }[] } | null;
}

/**
 * The reviewer approves the current review of dataset `id` from the command line: every blocking
 * finding accepted with a reason (`strata decide`), then `strata approve`, signed with their key.
 */
export async function approveByCli(home: string, id: string): Promise<void> {
  const reviewer = strataAs(home, 'reviewer');
  const shown = JSON.parse(await must(reviewer('show', id, '--json'))) as { detail: ShownReview };
  const review = shown.detail.review;
  if (review === null) throw new Error(`${id} has no review to approve`);
  for (const [i, finding] of review.findings.entries())
    if (finding.severity === 'blocking')
      await must(
        reviewer('decide', review.id, String(i + 1), '--as', 'accept', '--reason', '经审查组研究，可公开'),
      );
  await must(reviewer('approve', review.id, '--comment', '同意公开', '--json'));
}
