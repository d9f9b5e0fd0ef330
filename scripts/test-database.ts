/**
 * Tests never use the database they are pointed at directly: they make a fresh database of their
 * own inside the same PostgreSQL server, so a shared server (CI's, yours) is never disturbed.
 */
import postgres from 'postgres';

/** A new, empty database `name` (dropped first if it exists), or a copy of `template` (CREATE DATABASE … TEMPLATE). */
export async function freshDatabaseUrl(serverUrl: string, name: string, template?: string): Promise<string> {
  for (const n of [name, template ?? name]) if (!/^[a-z_][a-z0-9_]*$/.test(n)) throw new Error(`Unsafe database name: ${n}`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
