import type { AccountRow, PasswordRecord, WrappedKey } from '../../core/accounts/account.js';
import type { LoginCounters } from '../../core/accounts/lockout.js';
import type { Role } from '../../core/model/roles.js';
import type { SqliteConnection } from './sqlite.js';

// The accounts table (migration 0012). Unlike other rows, these are read back as untrusted: an
// insider may have edited them, so a row whose JSON does not parse maps to fields that fail the
// certificate check instead of throwing here (ADR 0170).

interface AccountDbRow {
  name: string;
  display_name: string;
  roles: string;
  disabled: number;
  password: string;
  public_key: string;
  wrapped_key: string;
  revision: number;
  created_at: string;
  created_by: string;
  certificate: string;
  failed_attempts: number;
  locked_until: string | null;
}

const COLUMNS =
  'name, display_name, roles, disabled, password, public_key, wrapped_key, revision, created_at, created_by, certificate, failed_attempts, locked_until';

function parsed<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const NO_PASSWORD: PasswordRecord = { hash: '', salt: '', params: { N: 0, r: 0, p: 0 } };
const NO_KEY: WrappedKey = { salt: '', params: { N: 0, r: 0, p: 0 }, iv: '', tag: '', data: '' };

const accountFromDb = (r: AccountDbRow): AccountRow => ({
  name: r.name,
  displayName: r.display_name,
  roles: parsed<Role[]>(r.roles, []),
  disabled: r.disabled !== 0,
  password: parsed(r.password, NO_PASSWORD),
  publicKeyPem: r.public_key,
  wrappedKey: parsed(r.wrapped_key, NO_KEY),
  revision: r.revision,
  createdAt: r.created_at,
  createdBy: r.created_by,
  certificate: r.certificate,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
});

export async function readAccount(conn: SqliteConnection, name: string): Promise<AccountRow | null> {
  const row = await conn.get<AccountDbRow>(`SELECT ${COLUMNS} FROM accounts WHERE name = ?`, [name]);
  return row ? accountFromDb(row) : null;
}

export async function readAccounts(conn: SqliteConnection): Promise<AccountRow[]> {
  const rows = await conn.all<AccountDbRow>(`SELECT ${COLUMNS} FROM accounts ORDER BY name`);
  return rows.map(accountFromDb);
}

/** Inserts or replaces the account `row.name`, counters included. */
export async function writeAccount(conn: SqliteConnection, row: AccountRow): Promise<void> {
  await conn.run(
    `INSERT OR REPLACE INTO accounts (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.name,
      row.displayName,
      JSON.stringify(row.roles),
      row.disabled ? 1 : 0,
      JSON.stringify(row.password),
      row.publicKeyPem,
      JSON.stringify(row.wrappedKey),
      row.revision,
      row.createdAt,
      row.createdBy,
      row.certificate,
      row.failedAttempts,
      row.lockedUntil,
    ],
  );
}

export async function readLoginCounters(conn: SqliteConnection, name: string): Promise<LoginCounters | null> {
  const row = await conn.get<{ failed_attempts: number; locked_until: string | null }>(
    'SELECT failed_attempts, locked_until FROM accounts WHERE name = ?',
    [name],
  );
  return row ? { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until } : null;
}

export async function writeLoginCounters(
  conn: SqliteConnection,
  name: string,
  counters: LoginCounters,
): Promise<void> {
  await conn.run('UPDATE accounts SET failed_attempts = ?, locked_until = ? WHERE name = ?', [
    counters.failedAttempts,
    counters.lockedUntil,
    name,
  ]);
}
