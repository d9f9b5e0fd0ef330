'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { requirePermission } from '@/lib/auth/guard';
import { createFeed, feedPath, revokeFeed } from '@/lib/custody/feeds';
import { publicOrigin } from '@/lib/exports/origin';
import type { FormState } from '@/lib/forms';
import { clientIp } from '@/lib/request/client';

export type FeedFormState = FormState & { url?: string; revoked?: boolean };

/**
 * Creates the user's feed, or replaces it (the old address stops working in the same
 * transaction). The address is returned this once; only the token's hash is kept.
 */
export async function createFeedAction(_: FeedFormState, _form: FormData): Promise<FeedFormState> {
  const user = await requirePermission('read');
  const { token } = await createFeed(user, await clientIp());
  // APP_URL when set, else this request's host: the address the user's calendar app must reach.
  const origin = publicOrigin(new Request('http://localhost/', { headers: await headers() }));
  revalidatePath('/calendar');
  return { ok: true, url: `${origin}${feedPath(token)}` };
}

export async function revokeFeedAction(_: FeedFormState, _form: FormData): Promise<FeedFormState> {
  const user = await requirePermission('read');
  if (!(await revokeFeed(user, await clientIp()))) return { formError: 'errors.notFound' };
  revalidatePath('/calendar');
  return { ok: true, revoked: true };
}
