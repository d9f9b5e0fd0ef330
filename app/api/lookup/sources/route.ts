import type { NextRequest } from 'next/server';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { searchSources } from '@/lib/sources/queries';
import { privateJson } from '@/lib/request/private-json';
import { stripControlCharacters } from '@/lib/text/control';

/** The source picker's suggestions, by URL or title; only for those who may record cases. */
export async function GET(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) return privateJson({ error: 'unauthorized' }, { status: 401 });
  if (!can(user.role, 'write')) return privateJson({ error: 'forbidden' }, { status: 403 });
  const q = stripControlCharacters(request.nextUrl.searchParams.get('q') ?? '').slice(0, 300);
  return privateJson({ sources: await searchSources(user, q) });
}
