import type { NextRequest } from 'next/server';
import { currentRouteUser } from '@/lib/auth/guard';
import { can } from '@/lib/auth/policy';
import { storeImport } from '@/lib/imports/queries';
import { readUpload } from '@/lib/imports/upload';

export const dynamic = 'force-dynamic';

/** Back to the import page (303: the browser follows with a GET), relative so any host works. */
function back(params: Record<string, string>) {
  return new Response(null, { status: 303, headers: { Location: `/cases/import?${new URLSearchParams(params)}`, 'Cache-Control': 'no-store' } });
}

/**
 * POST /cases/import/upload: the import page's file form posts here (multipart, field `file`), or
 * a client posts the CSV as the body. A route handler rather than a server action so the body is
 * read as a stream up to the app's own limit (lib/imports/upload.ts): an oversized file gets the
 * page's message, not the framework's body-limit error. Works without JavaScript: it answers with
 * a redirect to /cases/import?batch=<id> (the preview) or ?error=<code>.
 */
export async function POST(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) return new Response(null, { status: 303, headers: { Location: '/login' } });
  if (!can(user.role, 'import')) return new Response('Forbidden', { status: 403 });
  const upload = await readUpload(request);
  if (!upload.ok) return back({ error: upload.error });
  const stored = await storeImport(user, upload.fileName, upload.text);
  if (!stored.ok) return back({ error: stored.error.replace(/^imports\.errors\./, ''), ...(stored.columns ? { columns: stored.columns.join(',') } : {}) });
  return back({ batch: stored.batchId });
}
