/**
 * Environment, validated once. DATABASE_URL is optional (embedded PGlite otherwise); AUTH_SECRET is
 * required in production, so sessions can't be forged with a known key.
 */
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
});

export const env = envSchema.parse({
  NODE_ENV: process.env.NODE_ENV,
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  PGLITE_DIR: process.env.PGLITE_DIR || undefined,
  AUTH_SECRET: process.env.AUTH_SECRET || undefined,
});

/** next build runs with NODE_ENV=production but never serves a request, so it needs no secret. */
const building = process.env.NEXT_PHASE === 'phase-production-build';

export function authSecret(): string | undefined {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === 'production' && !building) {
    throw new Error('AUTH_SECRET is not set. Generate one with `openssl rand -base64 32`.');
  }
  // Development and tests only: a fixed key is fine where no real data lives.
  return 'development-only-secret-do-not-use-in-production';
}
