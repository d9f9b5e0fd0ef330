import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalesce';

/** A computation the test finishes by hand, numbered in the order computations start. */
function computations() {
  const started: { n: number; finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  const compute = () =>
    new Promise<string>((resolve, reject) => {
      const n = started.length + 1;
      started.push({ n, finish: resolve, fail: reject });
    });
  return { started, compute };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesced computations', () => {
  it('never hands a request the computation that was already running when it arrived', async () => {
    const coalesced = createCoalescer<string>();
    const { started, compute } = computations();
    const first = coalesced('view', compute);
    expect(started).toHaveLength(1);
    // Arrives while #1 runs: #1 may have read the data before this request's change.
    const second = coalesced('view', compute);
    const third = coalesced('view', compute);
    expect(started).toHaveLength(1);
    started[0].finish('computed by #1');
    expect(await first).toBe('computed by #1');
    await tick();
    // One computation for both requests that waited, started after they arrived.
    expect(started).toHaveLength(2);
    started[1].finish('computed by #2');
    expect(await second).toBe('computed by #2');
    expect(await third).toBe('computed by #2');
    // Nothing runs now: the next request starts its own at once.
    const fourth = coalesced('view', compute);
    expect(started).toHaveLength(3);
    started[2].finish('computed by #3');
    expect(await fourth).toBe('computed by #3');
  });

  it('runs at most one computation per view and queues one, however many requests arrive', async () => {
    const coalesced = createCoalescer<string>();
    const { started, compute } = computations();
    const answers = Array.from({ length: 20 }, () => coalesced('view', compute));
    expect(started).toHaveLength(1);
    started[0].finish('a');
    await tick();
    expect(started).toHaveLength(2);
    started[1].finish('b');
    expect(await Promise.all(answers)).toEqual(['a', ...Array(19).fill('b')]);
  });

  it('keeps views apart, and a failure reaches only the requests that shared it', async () => {
    const coalesced = createCoalescer<string>();
    const { started, compute } = computations();
    const failing = coalesced('view', compute);
    const other = coalesced('other view', compute);
    expect(started).toHaveLength(2);
    const waiting = coalesced('view', compute);
    started[0].fail(new Error('database gone'));
    await expect(failing).rejects.toThrow('database gone');
    await tick();
    // The queued computation still runs after the failed one.
    expect(started).toHaveLength(3);
    started[2].finish('recovered');
    expect(await waiting).toBe('recovered');
    started[1].finish('other');
    expect(await other).toBe('other');
  });
});
