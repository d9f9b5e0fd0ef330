/**
 * `npm run bench:load`: many people at once, through the production server over HTTP.
 *
 * Bounded and on loopback only: it builds the app if needed, creates a database of its own in the
 * PostgreSQL server (a fresh name, dropped again at the end; never one it did not create), seeds
 * the demo data, starts the production server on 127.0.0.1, creates monitors and researchers
 * (argon2id hashes, as the admin page does) and signs each in through the real login form's server
 * action. Then, for --seconds, every monitor saves detentions through the case form's real server
 * action (the `Next-Action` id read from the form, a multipart body as the browser's React sends
 * it), while every researcher loads /dashboard. Afterwards it checks that the records saved equal
 * the successful responses, that the dashboard rollup equals a recount (the whole table, and the
 * numbers of several views against a plain GROUP BY), and counts deadlocks
 * (pg_stat_database.deadlocks). Prints a table; a run of 60 s or more is written to
 * docs/BENCHMARKS-load.md.
 *
 *   npm run bench:load -- [--seconds 60] [--monitors 50] [--researchers 20] [--think-ms 0]
 *                         [--detentions 0] [--port 3222] [--server postgres://postgres@127.0.0.1:5432/test]
 *                         [--keep] (keep the database) [--note "text for the report"]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import postgres from 'postgres';
import { startFixtureSite } from '../lib/test/fixture-site';
import { writeReportKeepingHistory } from './bench-report';
import { ensureBuild } from './ensure-build';

type Args = {
  seconds: number;
  monitors: number;
  researchers: number;
  thinkMs: number;
  detentions: number;
  port: number;
  server: string;
  keep: boolean;
  note: string;
};

function parseArgs(): Args {
  const get = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const num = (name: string, fallback: number) => {
    const value = get(name);
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0`);
    return n;
  };
  const args = {
    seconds: num('seconds', 60),
    monitors: num('monitors', 50),
    researchers: num('researchers', 20),
    thinkMs: num('think-ms', 0),
    detentions: num('detentions', 0),
    port: num('port', 3222),
    server: get('server') ?? process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/test',
    keep: process.argv.includes('--keep'),
    note: get('note') ?? '',
  };
  // Bounded: a mistyped number must not turn into an hour-long run or a thousand clients.
  if (args.seconds > 600 || args.monitors > 200 || args.researchers > 200) throw new Error('At most 600 s and 200 clients of each kind.');
  const host = new URL(args.server).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`Loopback only: the database server must be on this machine, not ${host}.`);
  return args;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

/**
 * How far a percentile of `values` could move in another run like this one: the 2.5th and 97.5th
 * percentiles of that percentile over resamples of the values (bootstrap, drawn with replacement;
 * a fixed seed, so a report reads the same twice). With about 150 saves a run the p95 is the
 * eighth-slowest save, and runs of the same code have differed by tens of milliseconds.
 */
function percentileInterval(values: number[], p: number, resamples = 2000): [number, number] {
  if (values.length === 0) return [NaN, NaN];
  let seed = 12345;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const estimates = Array.from({ length: resamples }, () => percentile(Array.from(values, () => values[Math.floor(next() * values.length)]), p));
  return [percentile(estimates, 2.5), percentile(estimates, 97.5)];
}

/** Letters only, so the name matcher (which ignores digits) sees every test person as different. */
function letters(n: number): string {
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('');
}
const personName = () => {
  const first = letters(7);
  const last = letters(9);
  return `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}ov`;
};

/** A cookie jar of one simulated browser (names and values only: everything is one host). */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0\b/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  has(pattern: RegExp) {
    return [...this.cookies.keys()].some((k) => pattern.test(k));
  }
}

type FormRead = { actionId: string; fields: [string, string][] };

/**
 * The server action and the fields a browser would post, read from the first form on a page that
 * has a server action: React renders the action's id into a hidden `$ACTION_1:0` field for forms
 * that work before JavaScript loads; the fields are the form's controls with their initial values.
 */
function readForm(html: string, hasField: string): FormRead {
  const { document } = parseHTML(html);
  for (const form of document.querySelectorAll('form')) {
    if (!form.querySelector(`[name="${hasField}"]`)) continue;
    const ref = [...form.querySelectorAll('input[type=hidden]')].find((input) => /^\$ACTION_\d+:0$/.test(input.getAttribute('name') ?? ''));
    const actionId = ref ? (JSON.parse(ref.getAttribute('value') ?? '{}') as { id?: string }).id : undefined;
    if (!actionId) throw new Error('The form carries no server action id.');
    const fields: [string, string][] = [];
    for (const el of form.querySelectorAll('input, select, textarea')) {
      const name = el.getAttribute('name');
      if (!name || el.hasAttribute('disabled')) continue;
      const tag = el.tagName.toLowerCase();
      if (tag === 'select') {
        const option = el.querySelector('option[selected]') ?? el.querySelector('option');
        fields.push([name, option?.getAttribute('value') ?? option?.textContent ?? '']);
      } else if (tag === 'textarea') {
        fields.push([name, el.textContent ?? '']);
      } else {
        const type = (el.getAttribute('type') ?? 'text').toLowerCase();
        if (['submit', 'button', 'reset', 'file', 'image'].includes(type)) continue;
        if ((type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked')) continue;
        fields.push([name, el.getAttribute('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
      }
    }
    return { actionId, fields };
  }
  throw new Error(`No form with a "${hasField}" field on the page.`);
}

/** The router state a browser on this page sends (`/cases/new` → its segments, then the page). */
function routerStateTree(path: string): string {
  let tree: unknown = ['__PAGE__', {}, null, null, 0];
  for (const segment of path.split('/').filter(Boolean).reverse()) tree = [segment, { children: tree }, null, null, 0];
  return encodeURIComponent(JSON.stringify(['', { children: tree }, null, null, 16]));
}

/**
 * Posts a server action as the browser does (React's encodeReply for `action(prevState, formData)`,
 * which useActionState calls; the body was checked against Chromium's own request): the form's
 * entries, its hidden `$ACTION_…` fields included, under the prefix `_1_`, then the argument list in
 * field `0`, where "$K1" stands for that form data.
 */
async function postAction(origin: string, path: string, jar: Jar, actionId: string, fields: [string, string][]) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(`_1_${name}`, value);
  body.append('0', JSON.stringify([{}, '$K1']));
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'Next-Action': actionId,
      'Next-Router-State-Tree': routerStateTree(path),
      Accept: 'text/x-component',
      Cookie: jar.header(),
      Origin: origin,
      Referer: `${origin}${path}`,
    },
    body,
    redirect: 'manual',
  });
  jar.take(response);
  const text = await response.text(); // the whole response, as the browser waits for it
  return { status: response.status, redirect: response.headers.get('x-action-redirect'), text };
}

async function waitForHealth(origin: string, server: ChildProcess, seconds = 180) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error('The server exited while starting.');
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('The server did not answer /api/health in time.');
}

type Client = { email: string; password: string; jar: Jar };

async function signInAll(origin: string, clients: Client[]) {
  const login = readForm(await (await fetch(`${origin}/login`)).text(), 'password');
  // Four at a time: a burst of 70 sign-ins from one address would (rightly) meet the per-address throttle.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < clients.length) {
        const client = clients[next++];
        const fields = login.fields.map(([k, v]): [string, string] => [k, k === 'email' ? client.email : k === 'password' ? client.password : v]);
        // A refusal is retried after the delay the form names (a loaded machine can run into the
        // per-address throttle); the form's answer says which refusal it was (never an email).
        for (let attempt = 1; !client.jar.has(/authjs\.session-token/); attempt++) {
          const result = await postAction(origin, '/login', client.jar, login.actionId, fields);
          if (client.jar.has(/authjs\.session-token/)) break;
          const answer = /"error":"(\w+)"(?:,"retryAfterSeconds":(\d+))?/.exec(result.text);
          if (attempt >= 3) throw new Error(`Sign-in failed for a bench user (HTTP ${result.status}, ${answer?.[1] ?? 'no answer'}).`);
          await new Promise((r) => setTimeout(r, (Number(answer?.[2] ?? 1) + 1) * 1000));
        }
      }
    }),
  );
}

type Result = {
  saves: number[];
  reads: number[];
  saveErrors: Map<string, number>;
  readErrors: Map<string, number>;
  savedIds: Set<number>;
};

const countError = (map: Map<string, number>, what: string) => map.set(what, (map.get(what) ?? 0) + 1);

async function runLoad(origin: string, monitors: Client[], researchers: Client[], args: Args, places: number[], electionId: string, sourceSite: string): Promise<Result> {
  const result: Result = { saves: [], reads: [], saveErrors: new Map(), readErrors: new Map(), savedIds: new Set() };
  // Each monitor reads the form once, as a browser would before typing into it.
  const forms = await Promise.all(monitors.map(async (m) => readForm(await (await fetch(`${origin}/cases/new`, { headers: { Cookie: m.jar.header() } })).text(), 'personName')));
  let deadline = 0;
  const think = () => (args.thinkMs ? new Promise((r) => setTimeout(r, args.thinkMs * (0.5 + Math.random()))) : Promise.resolve());

  /** One save; its time and outcome are recorded only when `timed` (the warm-up's rows still count as saved). */
  const saveOnce = async (monitor: Client, form: FormRead, timed: boolean) => {
    const day = 1 + Math.floor(Math.random() * 28);
    const values: Record<string, string> = {
      personName: personName(),
      placePrecision: 'city',
      placeId: String(places[Math.floor(Math.random() * places.length)]),
      'detained.on': `2020-12-${String(day).padStart(2, '0')}`,
      electionId,
      'sources.0.url': `${sourceSite}/article?report=${letters(12)}`,
      'sources.0.title': 'Load test report',
    };
    const fields = form.fields.map(([k, v]): [string, string] => [k, k in values ? values[k] : v]);
    for (const [k, v] of Object.entries(values)) if (!form.fields.some(([name]) => name === k)) fields.push([k, v]);
    const start = performance.now();
    try {
      const response = await postAction(origin, '/cases/new', monitor.jar, form.actionId, fields);
      const elapsed = performance.now() - start;
      const id = /^(?:https?:\/\/[^/]+)?\/cases\/(\d+)(?:;|$)/.exec(response.redirect ?? '')?.[1];
      if (id) {
        result.savedIds.add(Number(id));
        if (timed) result.saves.push(elapsed);
      } else if (timed) {
        countError(result.saveErrors, `HTTP ${response.status}${response.redirect ? ` → ${response.redirect}` : ' (no redirect: refused or failed)'}`);
      } else {
        throw new Error(`The warm-up save was refused (HTTP ${response.status}): the bench no longer fills the form right.`);
      }
    } catch (error) {
      if (!timed) throw error;
      countError(result.saveErrors, error instanceof Error ? error.message : 'network error');
    }
  };

  const readOnce = async (researcher: Client, timed: boolean) => {
    const start = performance.now();
    try {
      const response = await fetch(`${origin}/dashboard`, { headers: { Cookie: researcher.jar.header() }, redirect: 'manual' });
      const text = await response.text();
      const elapsed = performance.now() - start;
      if (response.status === 200 && text.includes('detentions in the window')) {
        if (timed) result.reads.push(elapsed);
      } else if (timed) countError(result.readErrors, `HTTP ${response.status}`);
      else throw new Error(`The warm-up dashboard failed (HTTP ${response.status}).`);
    } catch (error) {
      if (!timed) throw error;
      countError(result.readErrors, error instanceof Error ? error.message : 'network error');
    }
  };

  // Warm-up, not timed: a server that has been up a while has its routes loaded and its code
  // compiled by V8; the first requests after a start pay for that (seconds here).
  for (let i = 0; i < Math.min(3, monitors.length); i++) await saveOnce(monitors[i], forms[i], false);
  for (let i = 0; i < Math.min(3, researchers.length); i++) await readOnce(researchers[i], false);

  deadline = performance.now() + args.seconds * 1000;
  // With pauses, each client starts at a random moment within one pause: people do not all press
  // save in the same millisecond, and a first round sent at once would only measure that queue.
  const stagger = () => (args.thinkMs ? new Promise((r) => setTimeout(r, args.thinkMs * Math.random())) : Promise.resolve());
  const monitorLoop = async (monitor: Client, form: FormRead) => {
    await stagger();
    while (performance.now() < deadline) {
      await saveOnce(monitor, form, true);
      await think();
    }
  };
  const researcherLoop = async (researcher: Client) => {
    await stagger();
    while (performance.now() < deadline) {
      await readOnce(researcher, true);
      await think();
    }
  };
  await Promise.all([...monitors.map((m, i) => monitorLoop(m, forms[i])), ...researchers.map(researcherLoop)]);
  return result;
}

type Checks = { savedRows: number; unexpectedRows: number; missingRows: number; rollupTableSame: boolean | null; viewsSame: { view: string; same: boolean }[] };

/** After the run, in this process, through the app's own code (lib/dashboard). */
async function check(monitorIds: number[], savedIds: Set<number>): Promise<Checks> {
  const { connection, rowsOf } = await import('@/db');
  const { sql } = await import('drizzle-orm');
  const { getDashboardData } = await import('@/lib/dashboard/queries');
  const { parseDashboardParams } = await import('@/lib/dashboard/params');
  const { rebuildStats } = await import('@/lib/dashboard/stats');
  const db = connection().db;

  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`SELECT id FROM detentions WHERE deleted_at IS NULL AND created_by_id = ANY(${`{${monitorIds.join(",")}}`}::int[])`),
  ).map((r) => Number(r.id));
  const stored = new Set(rows);

  // Every rollup table, whole, against a rebuild from the records, in a transaction that is rolled back.
  let rollupTableSame: boolean | null = null;
  const [{ exists }] = rowsOf<{ exists: boolean }>(await db.execute(sql`SELECT to_regclass('detention_stats') IS NOT NULL AS exists`));
  if (exists) {
    const { ROLLUP_TABLES } = await import('@/lib/dashboard/stats');
    const rollback = new Error('rollback');
    try {
      await db.transaction(async (tx) => {
        for (const [i, table] of ROLLUP_TABLES.entries()) {
          await tx.execute(sql`CREATE TEMP TABLE ${sql.raw(`live_stats_${i}`)} ON COMMIT DROP AS SELECT to_jsonb(s) - 'id' AS r FROM ${sql.raw(table)} s`);
        }
        await rebuildStats({ transaction: (work) => work(tx) } as Parameters<typeof rebuildStats>[0]);
        let differing = 0;
        for (const [i, table] of ROLLUP_TABLES.entries()) {
          const [live, rebuilt] = [sql.raw(`live_stats_${i}`), sql.raw(table)];
          const [{ n }] = rowsOf<{ n: number }>(
            await tx.execute(sql`SELECT count(*)::int AS n FROM (
              (SELECT r FROM ${live} EXCEPT ALL SELECT to_jsonb(s) - 'id' FROM ${rebuilt} s)
              UNION ALL
              (SELECT to_jsonb(s) - 'id' FROM ${rebuilt} s EXCEPT ALL SELECT r FROM ${live})) d`),
          );
          differing += Number(n);
        }
        rollupTableSame = differing === 0;
        throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
  }

  const viewsSame: Checks['viewsSame'] = [];
  for (const role of ['researcher', 'monitor'] as const) {
    for (const [name, query] of [
      ['default view', {}],
      ['all dates', { all: '1' }],
      ['region: Aktobe Region', { region: 'Aktobe Region' }],
    ] as [string, Record<string, string>][]) {
      const params = parseDashboardParams(query);
      const actor = { id: 0, role };
      const same = JSON.stringify(await getDashboardData(actor, params, 'rollup')) === JSON.stringify(await getDashboardData(actor, params, 'detentions'));
      viewsSame.push({ view: `${name} (${role})`, same });
    }
  }
  return {
    savedRows: stored.size,
    unexpectedRows: rows.filter((id) => !savedIds.has(id)).length,
    missingRows: [...savedIds].filter((id) => !stored.has(id)).length,
    rollupTableSame,
    viewsSame,
  };
}

async function main() {
  const args = parseArgs();
  ensureBuild();

  // A database of our own: a fresh name, created (never dropped-if-exists), dropped at the end.
  const name = `bench_load_${Date.now().toString(36)}_${letters(4)}`;
  const admin = postgres(args.server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(args.server);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  // Every save cites a new source: a page of a local site, so the run stays on loopback. With
  // CAPTURE_IN_APP on (the app's default) the app captures each one after answering, Chromium
  // beside the server, as a single-machine install does; off, it only queues them. The server
  // inherits this process's environment, so the app's own reading of it says which (lib/env.ts).
  const site = await startFixtureSite();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CAPTURE_ALLOW_HOSTS: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET = env.AUTH_SECRET;

  let server: ChildProcess | undefined;
  const stopServer = () => {
    if (server?.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM'); // the whole group: npx, tsx and the server
      } catch {
        // already gone
      }
    }
  };
  process.on('SIGINT', () => {
    stopServer();
    process.exit(130);
  });

  try {
    for (const step of [['tsx', 'db/migrate.ts'], ['tsx', '--conditions=react-server', 'db/seed.ts', '--demo']]) {
      const run = spawnSync('npx', step, { stdio: 'inherit', env });
      if (run.status !== 0) throw new Error(`${step.join(' ')} failed`);
    }
    const { connection, rowsOf } = await import('@/db');
    const capturesInApp = (await import('@/lib/env')).env.CAPTURE_IN_APP === 'on';
    const { sql } = await import('drizzle-orm');
    const db = connection().db;
    if (args.detentions > 0) {
      const { generateSyntheticData } = await import('./bench-data');
      const { rebuildStats } = await import('@/lib/dashboard/stats');
      console.log(`Adding ${args.detentions} synthetic detentions…`);
      await generateSyntheticData(db, { detentions: args.detentions, people: Math.ceil(args.detentions / 5), sources: Math.max(1000, Math.round(args.detentions / 20)) });
      await rebuildStats(db);
      await db.execute(sql`ANALYZE`);
    }

    // The users, created directly with real argon2id hashes (lib/users/queries.ts, as the admin page does).
    const { createUser } = await import('@/lib/users/queries');
    const password = `load-${letters(16)}`;
    const make = async (role: 'monitor' | 'researcher', n: number) => {
      const out: (Client & { id: number })[] = [];
      for (let i = 0; i < n; i++) {
        const email = `load-${role}-${i}@bench.example.org`;
        out.push({ id: await createUser({ email, name: `Load ${role} ${letters(5)}`, role, password }), email, password, jar: new Jar() });
      }
      return out;
    };
    const monitors = await make('monitor', args.monitors);
    const researchers = await make('researcher', args.researchers);
    const places = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM places WHERE kind <> 'region' ORDER BY id`)).map((r) => Number(r.id));
    const [election] = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM elections WHERE name = 'Mazhilis election 2021'`));

    const origin = `http://127.0.0.1:${args.port}`;
    server = spawn('npx', ['tsx', 'scripts/server.ts', String(args.port)], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...env, NODE_ENV: 'production' },
      detached: true,
    });
    await waitForHealth(origin, server);
    const signInStart = performance.now();
    await signInAll(origin, [...monitors, ...researchers]);
    const signInSeconds = (performance.now() - signInStart) / 1000;
    console.log(`Signed in ${monitors.length} monitors and ${researchers.length} researchers in ${signInSeconds.toFixed(1)} s.`);

    const deadlocksOf = async () =>
      Number(rowsOf<{ n: number }>(await db.execute(sql`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`))[0].n);
    const deadlocksBefore = await deadlocksOf();
    console.log(
      `Load: ${args.seconds} s, ${monitors.length} monitors saving, ${researchers.length} researchers reading /dashboard${args.thinkMs ? `, ~${args.thinkMs} ms between requests` : ', no pause between requests'}, ` +
        `captures ${capturesInApp ? 'made by the app (CAPTURE_IN_APP=on)' : 'only queued (CAPTURE_IN_APP=off)'}…`,
    );
    const loadStart = performance.now();
    const result = await runLoad(origin, monitors, researchers, args, places, String(election.id), site.origin);
    const elapsed = (performance.now() - loadStart) / 1000;
    stopServer();
    // pg_stat counters reach the view with a short delay.
    await new Promise((r) => setTimeout(r, 1500));
    const deadlocks = (await deadlocksOf()) - deadlocksBefore;
    const checks = await check(monitors.map((m) => m.id), result.savedIds);
    const version = rowsOf<{ v: string }>(await db.execute(sql`SELECT version() AS v`))[0].v.split(' on ')[0];
    await connection().close();

    report(args, { result, elapsed, deadlocks, checks, version, signInSeconds, capturesInApp });
  } finally {
    stopServer();
    await site.close();
    if (!args.keep) {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    } else {
      console.log(`Kept the database ${name}.`);
    }
    await admin.end();
  }
}

function report(
  args: Args,
  run: { result: Result; elapsed: number; deadlocks: number; checks: Checks; version: string; signInSeconds: number; capturesInApp: boolean },
) {
  const { result, elapsed, deadlocks, checks, version } = run;
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
  const errors = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
  const describe = (map: Map<string, number>) => [...map].map(([k, v]) => `${v}× ${k}`).join('; ') || 'none';
  const saveP95 = percentile(result.saves, 95);
  const [saveP95Low, saveP95High] = percentileInterval(result.saves, 95);
  const lost = checks.savedRows !== result.savedIds.size || checks.missingRows > 0 || checks.unexpectedRows > 0;
  const lines = [
    `| | requests | per second | p50 ms | p95 ms | p99 ms | max ms | errors |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|`,
    `| save a detention (server action, ${args.monitors} monitors) | ${result.saves.length} | ${(result.saves.length / elapsed).toFixed(1)} | ${ms(percentile(result.saves, 50))} | ${ms(saveP95)} | ${ms(percentile(result.saves, 99))} | ${ms(Math.max(...result.saves))} | ${errors(result.saveErrors)} |`,
    `| load /dashboard (${args.researchers} researchers) | ${result.reads.length} | ${(result.reads.length / elapsed).toFixed(1)} | ${ms(percentile(result.reads, 50))} | ${ms(percentile(result.reads, 95))} | ${ms(percentile(result.reads, 99))} | ${ms(Math.max(...result.reads))} | ${errors(result.readErrors)} |`,
  ];
  const verdicts = [
    `- Save p95 ${ms(saveP95)} ms: target ≤ 100 ms ${saveP95 <= 100 ? '**met**' : '**not met**'}. ` +
      `Its 95% interval over resamples of these ${result.saves.length} saves is ${ms(saveP95Low)}–${ms(saveP95High)} ms` +
      `${saveP95Low <= 100 && saveP95High > 100 ? ': it spans the target, so a run like this one could fall on either side' : saveP95High <= 100 ? ', all of it within the target' : ', all of it over the target'}.`,
    `- Errors: saves ${describe(result.saveErrors)}; reads ${describe(result.readErrors)}.`,
    `- Deadlocks (pg_stat_database.deadlocks, before → after): ${deadlocks}.`,
    `- Records saved by the bench monitors: ${checks.savedRows}; successful responses: ${result.savedIds.size}; ` +
      `saved without a successful response: ${checks.unexpectedRows}; answered but not stored: ${checks.missingRows} → ${lost ? '**records lost or unaccounted for**' : 'none lost'}.`,
    `- Every rollup table (the day rollups included) equals a rebuild from the records: ${checks.rollupTableSame === null ? 'n/a' : checks.rollupTableSame ? 'yes' : '**no**'}.`,
    `- Same numbers from the rollup as from a plain GROUP BY: ${checks.viewsSame.map((v) => `${v.view} ${v.same ? 'yes' : '**no**'}`).join('; ')}.`,
  ];
  console.log(['', ...lines, '', ...verdicts, ''].join('\n'));
  if (args.seconds < 60) {
    console.log('(A run shorter than 60 s is not written to docs/BENCHMARKS-load.md.)');
    return;
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const doc = [
    '# Load benchmark: many monitors saving at once',
    '',
    `Measured with \`npm run bench:load\` (scripts/bench-load.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${version}, Node ${process.version}. The production build behind scripts/server.ts on loopback, ` +
      `one app instance, its own fresh database seeded with the demo data${args.detentions ? ` and ${args.detentions.toLocaleString('en')} synthetic detentions` : ''}.`,
    '',
    `For ${args.seconds} s (${elapsed.toFixed(1)} s measured), ${args.monitors} signed-in monitors each saved detentions one after another through the case form's ` +
      `server action over HTTP (a \`Next-Action\` POST with the form's multipart body, as the browser sends it; a new person, a city, a date and a new source each time, a page of a local web site), ` +
      `while ${args.researchers} signed-in researchers each loaded /dashboard (the default view, whole HTML page) one after another` +
      `${args.thinkMs ? `, each starting at a random moment within the first ${args.thinkMs} ms and pausing ${args.thinkMs / 2}–${(args.thinkMs * 1.5).toFixed(0)} ms between requests` : ', with no pause between requests (a closed loop: the server is always saturated, so latency includes queueing)'}. ` +
      `A save is counted successful when the server answers with the redirect to the new record; its time includes that answer in full. ` +
      `Users were created with real argon2id hashes and signed in through the login form's server action (${run.signInSeconds.toFixed(1)} s for all). ` +
      (run.capturesInApp
        ? 'Captures: `CAPTURE_IN_APP=on` (the default): the app captured each new source in the background after answering, Chromium running beside the server, as on a single-machine install.'
        : 'Captures: `CAPTURE_IN_APP=off`: the app only queued each new source for capture, as when capture workers run on machines of their own; none ran during the load, so the sources stayed uncaptured.'),
    '',
    ...(args.note ? [args.note, ''] : []),
    ...lines,
    '',
    ...verdicts,
    '',
  ].join('\n');
  writeReportKeepingHistory('docs/BENCHMARKS-load.md', doc);
  console.log('Wrote docs/BENCHMARKS-load.md.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
