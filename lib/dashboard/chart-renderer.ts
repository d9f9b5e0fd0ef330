import 'server-only';
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

/** `option` (plain data: it is sent to the worker as JSON) drawn as an SVG of width × height. */
export function drawSvg(option: echarts.EChartsCoreOption, width: number, height: number): Promise<string> {
  const target = startWorker();
  if (!target) return Promise.resolve(drawHere(option, width, height));
  // As JSON text: the options are plain data, and in the built app posting the object itself
  // failed (DataCloneError) for options that JSON carries whole.
  const message = JSON.stringify({ option, width, height });
  return new Promise<string>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    target.postMessage({ id, message });
  });
}

/** Stops the worker (tests; a drawing in progress fails, the next one starts a new worker). */
export async function stopChartWorker() {
  await worker?.terminate();
}
