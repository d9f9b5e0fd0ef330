import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { chartWorkerThreadId, drawHere, drawSvg, rememberedDrawings, stopChartWorker, withStableClassNames } from './chart-renderer';

const option = {
  animation: false,
  xAxis: { type: 'category', data: ['Almaty', 'Astana', 'Oral'] },
  yAxis: { type: 'value' },
  series: [{ type: 'bar', data: [12, 7, 3] }],
};

describe('drawing charts off the main thread', () => {
  it('draws in a worker thread exactly what this thread would draw', async () => {
    const svg = await drawSvg(option, 400, 240);
    expect(chartWorkerThreadId()).not.toBeNull();
    expect(chartWorkerThreadId()).not.toBe(threadId);
    expect(svg).toBe(withStableClassNames(drawHere(option, 400, 240)));
    expect(svg).toMatch(/^<svg[^>]*width="400"/);
  });

  it('answers many drawings at once, each with its own picture', async () => {
    const sizes = [200, 300, 400, 500, 600];
    const svgs = await Promise.all(sizes.map((w) => drawSvg(option, w, 200)));
    svgs.forEach((svg, i) => expect(svg).toContain(`width="${sizes[i]}"`));
  });

  it('fails the drawings in hand when the worker dies, and starts a new one for the next', async () => {
    await drawSvg(option, 100, 100);
    const first = chartWorkerThreadId();
    // Twenty different drawings (an identical one would be drawn once), one after another:
    // stopping the worker leaves most of them in hand.
    const inHand = Array.from({ length: 20 }, (_, i) => drawSvg(option, 700 + i, 200));
    await stopChartWorker();
    const results = await Promise.allSettled(inHand);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) expect(String((r as PromiseRejectedResult).reason)).toMatch(/chart worker exited/);
    // A failed drawing is not remembered: asked again, it is drawn by the new worker.
    const again = results.findIndex((r) => r.status === 'rejected');
    expect(await drawSvg(option, 700 + again, 200)).toContain(`width="${700 + again}"`);
    expect(chartWorkerThreadId()).not.toBe(first);
  });

  it('names the classes of its hover rules after the chart, not after how many charts the thread drew', () => {
    const first = withStableClassNames(drawHere(option, 400, 240));
    const second = withStableClassNames(drawHere(option, 400, 240));
    expect(second).toBe(first);
    expect(first).not.toMatch(/\bzr\d+-/);
    const other = withStableClassNames(drawHere({ ...option, series: [{ type: 'bar', data: [1, 2, 3] }] }, 400, 240));
    const classes = (svg: string) => new Set(svg.match(/\bc[0-9a-f]{12}-cls-\d+/g));
    expect(classes(first).size).toBeGreaterThan(0);
    expect([...classes(other)].some((name) => classes(first).has(name))).toBe(false);
  });

  it('draws the same chart once, and a changed one again', async () => {
    const counts = { ...option, series: [{ type: 'bar', data: [12, 7, 4] }] };
    const before = rememberedDrawings();
    const [a, b] = await Promise.all([drawSvg(counts, 480, 240), drawSvg(counts, 480, 240)]);
    expect(b).toBe(a);
    expect(rememberedDrawings()).toBe(before + 1);
    const changed = await drawSvg({ ...option, series: [{ type: 'bar', data: [12, 7, 5] }] }, 480, 240);
    expect(changed).not.toBe(a);
    expect(changed).toBe(withStableClassNames(drawHere({ ...option, series: [{ type: 'bar', data: [12, 7, 5] }] }, 480, 240)));
    expect(rememberedDrawings()).toBe(before + 2);
  });
});
