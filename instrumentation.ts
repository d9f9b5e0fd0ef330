/**
 * Runs once when the server starts. Next.js logs an uncaught server error whole, and a database
 * error's message holds the query's parameters (names, search terms): redact every log line.
 * @see https://nextjs.org/docs/app/guides/instrumentation
 */
export async function register() {
  // Next's documented runtime switch: the Edge runtime has no console to patch this way.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { installLogRedaction } = await import('./lib/log');
    installLogRedaction();
  }
}
