import type { NextRequest } from 'next/server';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { findLikelyPeople } from '@/lib/people/likely';
import { privateJson } from '@/lib/request/private-json';
import { stripControlCharacters } from '@/lib/text/control';

/**
 * The duplicate warning of the case form: people already on record whom a new person's typed name
 * likely names, with why and their detentions. Only for those who may record cases.
 */
export async function GET(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) return privateJson({ error: 'unauthorized' }, { status: 401 });
  if (!can(user.role, 'write')) return privateJson({ error: 'forbidden' }, { status: 403 });
  const q = stripControlCharacters(request.nextUrl.searchParams.get('q') ?? '').slice(0, 100);
  if (q.trim().length < 3) return privateJson({ people: [] });
  return privateJson({ people: await findLikelyPeople(user, q, { limit: 5 }) });
}
