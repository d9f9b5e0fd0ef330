import { sql } from 'drizzle-orm';
import { db } from '@/db';

export const dynamic = 'force-dynamic';

/**
 * Readiness: answers once the database answers. Opening a cold PGlite data directory takes a few
 * seconds, so the demo script and Playwright wait on this before the first user request.
 */
export async function GET() {
  try {
    await db.execute(sql`SELECT 1`);
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
