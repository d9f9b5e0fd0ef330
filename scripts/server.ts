/**
 * The production server: Next.js behind a plain Node http server, so the app decides which
 * forwarding headers to believe. A client can send any X-Forwarded-For/-Host/-Proto it likes; Next
 * keeps them as they come. Here they are dropped unless the connection comes from an address in
 * TRUSTED_PROXIES, and Next then fills them in from the socket: so the sign-in throttle counts the
 * real peer, the audit trail records it, and links are not built from a host an attacker named.
 *
 * Usage: tsx scripts/server.ts [port]   (NODE_ENV=production; a built .next is required)
 */
import { createServer, type IncomingMessage } from 'node:http';
import next from 'next';
import { env } from '../lib/env';

const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

/** '::ffff:10.0.0.1' and '10.0.0.1' are the same peer. */
const plain = (address: string | undefined) => (address ?? '').replace(/^::ffff:/, '');

export function stripUntrustedForwarding(req: IncomingMessage, trusted: readonly string[]): void {
  if (trusted.map(plain).includes(plain(req.socket.remoteAddress))) return;
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
}

async function main() {
  const port = Number(process.argv[2] ?? env.PORT);
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    stripUntrustedForwarding(req, env.TRUSTED_PROXIES);
    void handle(req, res);
  });
  server.listen(port, () => console.log(`Case tracker listening on http://localhost:${port}`));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error('Server failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
