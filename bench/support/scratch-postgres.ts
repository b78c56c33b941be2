import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type ScratchDatabase = { name: string; url: string; drop(): Promise<void> };

/**
 * A new, empty PostgreSQL database on the server `adminUrl` points at (its role needs CREATEDB), named
 * `<prefix>_<pid>_<random>` so parallel runs never meet; `drop()` removes it, closing any connection still open.
 * Used by the integration suites, the browser test that kills an app instance, and the workshop benchmark: a
 * database per run instead of a schema per run, because the migrations name the public schema. `template`: copy
 * that database (which must have no open connection) instead of starting empty.
 */
export async function createScratchPostgres(
  adminUrl: string,
  { prefix = 'clusterwise_test', template }: { prefix?: string; template?: string } = {},
): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const runAsAdmin = async (sql: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await runAsAdmin(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => runAsAdmin(`drop database if exists "${name}" with (force)`) };
}
