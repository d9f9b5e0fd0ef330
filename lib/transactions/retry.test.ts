import { describe, expect, it } from 'vitest';
import { isRetryable, MAX_TRIES, withRetry } from './retry';

const pgError = (code: string) => Object.assign(new Error(code), { code });

describe('withRetry', () => {
  it('runs the work again after a deadlock or serialization failure, also when wrapped by the ORM', async () => {
    let runs = 0;
    const result = await withRetry(async () => {
      runs++;
      if (runs === 1) throw pgError('40P01');
      if (runs === 2) throw Object.assign(new Error('query failed'), { cause: pgError('40001') });
      return 'saved';
    }, { baseMs: 1 });
    expect([result, runs]).toEqual(['saved', 3]);
  });

  it('gives up after MAX_TRIES runs and throws the last error', async () => {
    let runs = 0;
    await expect(withRetry(async () => { runs++; throw pgError('40P01'); }, { baseMs: 1 })).rejects.toThrow('40P01');
    expect(runs).toBe(MAX_TRIES);
  });

  it('never retries any other error, nor a refusal returned as a value', async () => {
    let runs = 0;
    await expect(withRetry(async () => { runs++; throw pgError('23505'); })).rejects.toThrow('23505');
    expect(runs).toBe(1);
    runs = 0;
    expect(await withRetry(async () => { runs++; return { ok: false, reason: 'conflict' }; })).toEqual({ ok: false, reason: 'conflict' });
    expect(runs).toBe(1);
    expect(isRetryable(new Error('deadlock detected'))).toBe(false);
  });
});
