/**
 * Server logs without personal data. Error messages quote what was asked: drizzle's "Failed query:
 * … params: Serikbayev,…", Postgres's 'invalid input syntax for type date: "…"' or 'Key (url)=(…)'.
 * So an error is logged by what it is (class, SQLSTATE code, constraint, table, column) and where
 * (stack frames), never by its message; installLogRedaction() does the same to whatever Next.js or
 * a library logs, so no log line carries query parameters, search terms or names.
 */

type Fields = Record<string, unknown>;

const FIELDS: [label: string, keys: string[]][] = [
  ['code', ['code']],
  ['constraint', ['constraint', 'constraint_name']],
  ['table', ['table', 'table_name']],
  ['column', ['column', 'column_name']],
  ['digest', ['digest']],
];

function describeOne(error: Error): string {
  const fields = error as unknown as Fields;
  const parts = FIELDS.flatMap(([label, keys]) => {
    const value = keys.map((k) => fields[k]).find((v) => typeof v === 'string' || typeof v === 'number');
    // Only identifiers: a code or a constraint name never holds a value someone typed.
    return value !== undefined && /^[\w.-]{1,100}$/.test(String(value)) ? [`${label}=${value}`] : [];
  });
  return [error.name || 'Error', ...parts].join(' ');
}

/** "DrizzleQueryError ← DatabaseError code=22008", then the stack frames: no message, no values. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
  const chain: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    chain.push(describeOne(current));
    current = current.cause;
  }
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 10);
  return [chain.join(' ← '), ...frames].join('\n');
}

/** Logs a failure of `context` (e.g. 'Export failed') by the error's kind only. */
export function logError(context: string, error: unknown): void {
  console.error(`${context}: ${describeError(error)}`);
}

/** A logged string with any drizzle query and its parameters cut off. */
export function redactText(text: string): string {
  const at = text.search(/Failed query:|\bparams:/);
  return at === -1 ? text : `${text.slice(0, at)}[query and parameters not logged]`;
}

export function redactLogArguments(args: unknown[]): unknown[] {
  return args.map((arg) => (arg instanceof Error ? describeError(arg) : typeof arg === 'string' ? redactText(arg) : arg));
}

const installed = Symbol.for('case-tracker.log-redaction');

/**
 * Routes console.error/warn/log/info through redactLogArguments, once per process: Next.js logs an
 * uncaught error of a page, action or route handler whole. Called from instrumentation.ts.
 */
export function installLogRedaction(target: Console = console): void {
  const marked = target as Console & { [installed]?: true };
  if (marked[installed]) return;
  marked[installed] = true;
  for (const method of ['error', 'warn', 'log', 'info'] as const) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => original(...redactLogArguments(args));
  }
}
