import { NextResponse } from 'next/server';

/**
 * A JSON answer no cache may keep. Next.js marks dynamic pages `no-store` itself but sends a route
 * handler's response as it is, and the browser kept the pickers' answers (names of people on
 * record, and their detentions, restricted ones included) in its disk cache after sign-out.
 */
export function privateJson(body: unknown, init: { status?: number } = {}) {
  return NextResponse.json(body, { status: init.status ?? 200, headers: { 'Cache-Control': 'private, no-store' } });
}
