/**
 * Environment, validated once: a bad value fails at start with a clear message. Every variable the
 * app reads goes through here (scripts too), so this file is the list of what can be configured.
 * DATABASE_URL is optional (embedded PGlite otherwise); AUTH_SECRET is required in production, so
 * sessions can't be forged with a known key.
 */
import { z } from 'zod';

/** A comma-separated list, blanks dropped. */
const list = (s: string) => s.split(',').map((p) => p.trim()).filter(Boolean);

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** An ordinary desktop browser's User-Agent: what captures send unless CAPTURE_USER_AGENT says otherwise. */
export const DEFAULT_CAPTURE_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: positiveInt(10),
  /**
   * PostgreSQL's max_parallel_workers_per_gather for the app's sessions. Default 0: starting parallel
   * workers cost about 100 ms per statement on a 2-core server, more than the app's indexed reads
   * take (docs/PERFORMANCE.md). Raise it only on a server with cores to spare for long scans.
   */
  DATABASE_PARALLEL_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
  PGLITE_DIR: z.string().optional(),
  /**
   * 'off' trades durability for speed on the embedded database (PGlite's fsync=off): a power cut
   * can then lose or corrupt recent writes. Default 'on'.
   */
  PGLITE_DURABLE: z.enum(['on', 'off']).default('on'),
  /**
   * Tests only: a PGlite data-dir dump (dumpDataDir) that an in-memory database starts from, so
   * each test file does not replay every migration (lib/test/global-setup.ts writes it).
   */
  PGLITE_TEMPLATE: z.string().optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** The public address (https://cases.example.org): record links, and the origin server actions must come from. */
  APP_URL: z.string().url().optional(),
  /** Addresses of reverse proxies whose X-Forwarded-For/-Host/-Proto are believed (comma-separated). */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean)),
  PORT: positiveInt(3000),
  API_RATE_LIMIT: positiveInt(120),
  /** Days the audit trail is kept (never fewer than 30, which the database enforces). */
  AUDIT_RETENTION_DAYS: positiveInt(730),
  // Backups (npm run backup / npm run restore).
  /** Encrypts backups (AES-256-GCM, key derived with scrypt). Unset: `npm run backup` needs --unencrypted. */
  BACKUP_PASSPHRASE: z.string().min(12, 'BACKUP_PASSPHRASE must be at least 12 characters').optional(),
  /** Where `npm run backup` writes its files. */
  BACKUP_DIR: z.string().default('backups'),
  // Source captures (lib/evidence).
  /** Keep captured files in this directory (named by SHA-256) instead of in the database. */
  EVIDENCE_DIR: z.string().optional(),
  /** Largest response or upload kept, in bytes (default 20 MB). */
  CAPTURE_MAX_BYTES: positiveInt(20 * 1024 * 1024),
  /** How long one fetch may take in all, redirects included (ms). */
  CAPTURE_TIMEOUT_MS: positiveInt(20_000),
  CAPTURE_MAX_REDIRECTS: positiveInt(5),
  /** Content types a capture or upload may have (comma-separated; a trailing `/*` allows a family). */
  CAPTURE_CONTENT_TYPES: z
    .string()
    .default('text/html,application/xhtml+xml,text/plain,application/pdf,image/png,image/jpeg,image/webp')
    .transform(list),
  /**
   * Hosts the fetcher may reach although they resolve to loopback, private or link-local addresses
   * (comma-separated host names or IPs; tests list 127.0.0.1 for their fixture site). Empty by default.
   */
  CAPTURE_ALLOW_HOSTS: z.string().default('').transform(list),
  /**
   * The User-Agent of captures, the fetch and the rendering. By default an ordinary desktop
   * browser's: a capture that announced itself ("evidence capture for human-rights monitoring", the
   * default before this release) told every site it fetched, including those run by the people the
   * monitors document, that a rights monitor had archived that page, when and from which server;
   * and a site may answer a declared robot otherwise than its readers. The WARC names the software
   * that made it (lib/evidence/capture.ts), whatever this says.
   */
  CAPTURE_USER_AGENT: z.string().default(() => DEFAULT_CAPTURE_USER_AGENT),
  /**
   * Work off capture requests in the app's own process, after each save and at start ('off': this
   * instance only queues them, and `npm run capture-worker` elsewhere works them off).
   */
  CAPTURE_IN_APP: z.enum(['on', 'off']).default('on'),
  /** Render captures as PDF and PNG with headless Chromium ('off' skips it, e.g. where Chromium is absent). */
  CAPTURE_RENDER: z.enum(['on', 'off']).default('on'),
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** RFC 3161 timestamp authorities asked to sign each capture's manifest (comma-separated URLs). Unset: no timestamps. */
  TSA_URLS: z.string().default('').transform(list),
  /** PEM file of the root certificates timestamp tokens must chain to (verification). */
  TSA_TRUST_FILE: z.string().optional(),
  TSA_TIMEOUT_MS: positiveInt(10_000),
});

export type Env = z.infer<typeof envSchema>;

function readEnv(): Env {
  const blankIsUnset = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, process.env[key] === '' ? undefined : process.env[key]]),
  );
  const parsed = envSchema.safeParse(blankIsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();

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
