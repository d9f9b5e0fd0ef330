import { listDetentionsResponse } from '@/lib/api-tokens/api';

export const dynamic = 'force-dynamic';

/** The partner API's list; see lib/api-tokens/api.ts and the README's "API" section. */
export function GET(request: Request) {
  return listDetentionsResponse(request);
}
