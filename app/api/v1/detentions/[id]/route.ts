import { getDetentionResponse } from '@/lib/api-tokens/api';

export const dynamic = 'force-dynamic';

/** One detention of the partner API; malformed ids are a 404, never a 500. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return getDetentionResponse(request, (await params).id);
}
