import type { NextRequest } from 'next/server';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { searchPeople } from '@/lib/people/queries';
import { privateJson } from '@/lib/request/private-json';
import { stripControlCharacters } from '@/lib/text/control';

/** The activist picker's suggestions; only for those who may record cases. */
export async function GET(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) return privateJson({ error: 'unauthorized' }, { status: 401 });
  if (!can(user.role, 'write')) return privateJson({ error: 'forbidden' }, { status: 403 });
  const q = stripControlCharacters(request.nextUrl.searchParams.get('q') ?? '').slice(0, 100);
  return privateJson({ people: await searchPeople(user, q) });
}
