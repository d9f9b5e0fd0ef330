import { currentRouteUser } from '@/lib/auth/guard';
import { evidenceDownloadHeaders, parseCaptureFileParams } from '@/lib/evidence/download';
import { getCaptureFile } from '@/lib/evidence/queries';
import { readBlob } from '@/lib/evidence/store';

export const dynamic = 'force-dynamic';

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * GET /sources/{id}/captures/{captureId}/{role}: one stored file of a capture, always as a
 * download. Archived pages are hostile content: they are never served inline on the tracker's
 * origin (see evidenceDownloadHeaders). The source's visibility is checked on every request; a
 * file the reader may not see is a 404 like one that does not exist.
 */
export async function GET(_: Request, { params }: { params: Promise<{ id: string; captureId: string; role: string }> }) {
  const user = await currentRouteUser();
  if (!user) return plain(401, 'Sign in first.');
  const parsed = parseCaptureFileParams(await params);
  if (!parsed) return plain(404, 'Not found');
  const file = await getCaptureFile(user, parsed.captureId, parsed.role);
  if (!file || file.sourceId !== parsed.sourceId) return plain(404, 'Not found');
  const bytes = await readBlob(file.sha256);
  if (!bytes) return plain(410, 'The stored file is missing; run npm run verify-evidence.');
  return new Response(new Uint8Array(bytes), { status: 200, headers: evidenceDownloadHeaders(file) });
}
