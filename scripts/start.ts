/**
 * `npm start`: serves the production build. Refuses to start without AUTH_SECRET, because a known
 * or missing key would let anyone forge a session.
 */
import { spawn } from 'node:child_process';

if (!process.env.AUTH_SECRET || process.env.AUTH_SECRET.length < 32) {
  console.error('AUTH_SECRET is missing or shorter than 32 characters. Set one, e.g. AUTH_SECRET=$(openssl rand -base64 32).');
  process.exit(1);
}
const port = process.env.PORT ?? '3000';
const child = spawn('npx', ['tsx', 'scripts/server.ts', port], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
