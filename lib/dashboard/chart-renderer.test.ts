import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { chartWorkerThreadId, drawHere, drawSvg, stopChartWorker } from './chart-renderer';

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
    expect(svg).toBe(drawHere(option, 400, 240));
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
    // Drawn one after another: stopping the worker leaves most of them in hand.
    const inHand = Array.from({ length: 20 }, () => drawSvg(option, 300, 200));
    await stopChartWorker();
    const results = await Promise.allSettled(inHand);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) expect(String((r as PromiseRejectedResult).reason)).toMatch(/chart worker exited/);
    expect(await drawSvg(option, 300, 200)).toContain('width="300"');
    expect(chartWorkerThreadId()).not.toBe(first);
  });
});
