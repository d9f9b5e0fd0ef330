/**
 * Auth.js (next-auth v5). The credentials provider takes only a one-time sign-in ticket, issued by
 * lib/auth/sign-in.ts once the password (and the second factor, when the user has one) has been
 * checked. The JWT cookie then carries nothing but the id of a server-side session (user_sessions),
 * which lib/auth/guard.ts looks up on every request: ending that row ends the session everywhere.
 *
 * @see https://authjs.dev/getting-started/authentication/credentials
 */
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authSecret } from '@/lib/env';
import { clientIpFrom, describeDevice } from '@/lib/request/client';
import { endSessionById, SESSION_HOURS } from './sessions';
import { redeemTicket } from './sign-in';

declare module 'next-auth' {
  interface User {
    sessionId?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sid?: string;
  }
}

export const { auth, handlers, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { ticket: {} },
      async authorize(raw, request) {
        const ticket = typeof raw?.ticket === 'string' ? raw.ticket : '';
        const redeemed = await redeemTicket(ticket, {
          ip: clientIpFrom(request.headers),
          device: describeDevice(request.headers.get('user-agent')),
        });
        if (!redeemed) return null;
        return { id: String(redeemed.userId), sessionId: redeemed.sessionId };
      },
    }),
  ],
  events: {
    // However the sign-out arrives (our action, or Auth.js's own /api/auth/signout), the session
    // ends on the server too, so a copy of the cookie stops working.
    async signOut(message) {
      const sessionId = 'token' in message ? message.token?.sid : undefined;
      if (typeof sessionId === 'string') await endSessionById(sessionId);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      // Only the session id goes into the cookie: no role, no name, nothing to go stale.
      if (user) return { sub: user.id, sid: user.sessionId };
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.sub ?? '' };
      return session;
    },
  },
});
