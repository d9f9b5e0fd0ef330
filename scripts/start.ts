/**
 * `npm start`: serves the production build. Refuses to start without AUTH_SECRET, because a known
 * or missing key would let anyone forge a session.
 */
import { spawn } from 'node:child_process';
import { env } from '../lib/env';

// lib/env.ts already refuses one shorter than 32 characters.
if (!env.AUTH_SECRET) {
  console.error('AUTH_SECRET is missing or shorter than 32 characters. Set one, e.g. AUTH_SECRET=$(openssl rand -base64 32).');
  process.exit(1);
}
const port = String(env.PORT);
const child = spawn('npx', ['tsx', 'scripts/server.ts', port], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
