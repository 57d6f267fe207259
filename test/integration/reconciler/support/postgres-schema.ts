import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL the multi-instance tests share, or undefined (they are skipped then). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export const SKIP_MESSAGE =
  'Skipping the multi-instance reconciler tests: set TEST_DATABASE_URL (for example ' +
  'postgres://postgres@127.0.0.1:5432/test) to run three instances on one PostgreSQL.';

/** A fresh schema name; the store creates it on first start. */
export function freshSchema(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** Work items of `kind` by status and by the instance (lease owner) that last held them. */
export async function workItemCounts(
  url: string,
  schema: string,
  kind: string,
): Promise<{ byStatus: Record<string, number>; byOwner: Record<string, number>; maxAttempts: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (
      await client.query<{ status: string; lease_owner: string | null; attempts: number }>(
        `select status, lease_owner, attempts from "${schema}".work_items where kind = $1`,
        [kind],
      )
    ).rows;
    const byStatus: Record<string, number> = {};
    const byOwner: Record<string, number> = {};
    for (const row of rows) {
      byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
      const owner = row.lease_owner ?? '(none)';
      byOwner[owner] = (byOwner[owner] ?? 0) + 1;
    }
    return { byStatus, byOwner, maxAttempts: Math.max(0, ...rows.map((r) => Number(r.attempts))) };
  } finally {
    await client.end();
  }
}
