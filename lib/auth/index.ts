/**
 * Auth.js (next-auth v5): email + password against our own users table, JWT sessions that carry
 * the user's id and role. The role in the token is a hint for the UI; every server check re-reads
 * the user (lib/auth/guard.ts) so a disabled account or a changed role takes effect at once.
 *
 * @see https://authjs.dev/getting-started/authentication/credentials
 */
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import type { UserRole } from '@/db/schema';
import { authSecret } from '@/lib/env';
import { authenticateUser } from '@/lib/users/queries';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession['user'];
  }
  interface User {
    role?: UserRole;
  }
}

/** Too many failed sign-ins for this email: the login page says to wait. */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
}

const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export const { auth, handlers, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticateUser(parsed.data.email, parsed.data.password);
        if (!result.ok) {
          if (result.reason === 'throttled') throw new SignInThrottled();
          return null;
        }
        const { user } = result;
        return { id: String(user.id), name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.user.role = token.role as UserRole;
      return session;
    },
  },
});
