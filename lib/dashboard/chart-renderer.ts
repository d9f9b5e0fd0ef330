import 'server-only';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as echarts from 'echarts';

/**
 * Turns ECharts options into SVG off the main thread. ECharts draws synchronously, 6–13 ms a
 * chart; the dashboard draws 24 (12 charts, wide and narrow) whenever its numbers change, and the
 * server answered nothing else meanwhile: a save that arrived during a drawing waited for all of
 * it (one monitor saving beside one researcher reading, no pause: 2.0 saves/s, p50 456 ms before,
 * 6.5/s and 137 ms after; at a human pace the p95 did not measurably change,
 * docs/BENCHMARKS-load.md). One worker thread draws them one after another while the event loop
 * keeps answering. Where the worker cannot start (its file missing from a deployment), the chart
 * is drawn on the main thread as before.
 */
type Job = { resolve: (svg: string) => void; reject: (error: Error) => void };

const WORKER_FILE = path.join(process.cwd(), 'lib/dashboard/chart-worker.mjs');

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Job>();

function failAll(error: Error) {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function startWorker(): Worker | null {
  if (worker) return worker;
  if (!existsSync(WORKER_FILE)) return null;
  const started = new Worker(WORKER_FILE);
  // Never keeps a script or a test run alive on its own.
  started.unref();
  started.on('message', ({ id, svg, error }: { id: number; svg?: string; error?: string }) => {
    const job = pending.get(id);
    if (!job) return;
    pending.delete(id);
    if (error !== undefined) job.reject(new Error(`chart drawing failed: ${error}`));
    else job.resolve(svg!);
  });
  const lost = (error: Error) => {
    if (worker === started) worker = null;
    failAll(error);
  };
  started.on('error', lost);
  started.on('exit', (code) => lost(new Error(`chart worker exited (${code})`)));
  worker = started;
  return started;
}

/** The worker's thread id, once it has started (tests). */
export const chartWorkerThreadId = () => worker?.threadId ?? null;

/** The same drawing on this thread. */
export function drawHere(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * Drawings remembered by what was drawn (the options and size, as sent to the worker), newest last.
 * When a view's numbers change, most of its charts do not: a saved detention changes its day, its
 * city and the totals, seldom the charges, penalties or outcomes. So when every save changes the
 * data, each reader no longer redraws all 24 SVGs (6–13 ms each) on the two cores the saves use.
 * The same input always gives the same SVG, so a remembered one is never out of date.
 */
const REMEMBERED_DRAWINGS = 400;
const drawings = new Map<string, Promise<string>>();

function remembered(message: string, draw: () => Promise<string>): Promise<string> {
  const known = drawings.get(message);
  if (known) {
    drawings.delete(message);
    drawings.set(message, known);
    return known;
  }
  const drawing = draw();
  drawings.set(message, drawing);
  if (drawings.size > REMEMBERED_DRAWINGS) drawings.delete(drawings.keys().next().value!);
  // A failed drawing is not remembered: the next request draws again.
  drawing.catch(() => {
    if (drawings.get(message) === drawing) drawings.delete(message);
  });
  return drawing;
}

/**
 * ECharts names the CSS classes of an SVG's hover rules after a count of the charts its thread has
 * drawn (`zr7-cls-1`), and the rules sit in the SVG's own <style>, which applies to the whole page.
 * Drawn at different times (or by another worker) two charts on one page could share a name and
 * take each other's rules; named after their own content instead, equal names mean equal rules, and
 * the same chart is always the same SVG.
 */
export function withStableClassNames(svg: string): string {
  // Each name renumbered by first appearance (`zr7-cls-4` → `zr-cls-0`), then given the content's hash.
  const renamed = new Map<string, string>();
  const perKind = new Map<string, number>();
  const canonical = svg.replace(/\bzr\d+-([a-z]+)-\d+\b/g, (name, kind: string) => {
    let stable = renamed.get(name);
    if (!stable) {
      const n = perKind.get(kind) ?? 0;
      perKind.set(kind, n + 1);
      renamed.set(name, (stable = `zr-${kind}-${n}`));
    }
    return stable;
  });
  const id = createHash('sha256').update(canonical).digest('hex').slice(0, 12);
  return canonical.replace(/\bzr-(?=[a-z]+-\d+\b)/g, `c${id}-`);
}

/** `option` (plain data: it is sent to the worker as JSON) drawn as an SVG of width × height. */
export function drawSvg(option: echarts.EChartsCoreOption, width: number, height: number): Promise<string> {
  // As JSON text: the options are plain data, and in the built app posting the object itself
  // failed (DataCloneError) for options that JSON carries whole.
  const message = JSON.stringify({ option, width, height });
  return remembered(message, async () => {
    const target = startWorker();
    if (!target) return withStableClassNames(drawHere(option, width, height));
    const svg = await new Promise<string>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      target.postMessage({ id, message });
    });
    return withStableClassNames(svg);
  });
}

/** How many drawings are remembered (tests). */
export const rememberedDrawings = () => drawings.size;

/** Stops the worker (tests; a drawing in progress fails, the next one starts a new worker). */
export async function stopChartWorker() {
  await worker?.terminate();
}
