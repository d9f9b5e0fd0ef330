import { describe, expect, it } from 'vitest';
import baseline from './baseline.json';
import { CORPUS_DIR, listCorpus, runBenchmark, SECOND_SET_DIR } from './bench';

/** Points recall or precision may drop below the recorded baseline before the build fails. */
const ALLOWED_DROP = 2;

describe('intake benchmark (npm run bench:intake) against lib/intake/baseline.json', () => {
  for (const [label, dir, recorded] of [
    ['development corpus', CORPUS_DIR, baseline.development],
    ['second set', SECOND_SET_DIR, baseline.second],
  ] as const) {
    it(`${label}: recall and precision hold within ${ALLOWED_DROP} points`, () => {
      const result = runBenchmark(dir);
      expect(result.recall).toBeGreaterThanOrEqual(recorded.recall - ALLOWED_DROP);
      expect(result.precision).toBeGreaterThanOrEqual(recorded.precision - ALLOWED_DROP);
    });
  }

  it('the development corpus has at least 15 reports, three of them naming five or more detainees', () => {
    const result = runBenchmark(CORPUS_DIR);
    expect(listCorpus().length).toBeGreaterThanOrEqual(15);
    expect(result.perReport.filter((r) => r.truth >= 5).length).toBeGreaterThanOrEqual(3);
  });
});
