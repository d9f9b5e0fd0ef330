/**
 * `npm run bench:intake`: scores the intake extraction on lib/intake/corpus (the development
 * corpus) and lib/intake/corpus-heldout (a second set, written after the rules were first tuned),
 * and prints the tables docs/BENCHMARKS-intake.md keeps. `--write-baseline` records
 * lib/intake/baseline.json, the numbers lib/intake/bench.test.ts holds the extraction to.
 */
import fs from 'node:fs';
import { CORPUS_DIR, formatBenchmark, runBenchmark, SECOND_SET_DIR } from '@/lib/intake/bench';

const development = runBenchmark(CORPUS_DIR);
const second = runBenchmark(SECOND_SET_DIR);
console.log('## Development corpus (lib/intake/corpus)\n');
console.log(formatBenchmark(development));
console.log('\n## Second set (lib/intake/corpus-heldout)\n');
console.log(formatBenchmark(second));
if (process.argv.includes('--write-baseline')) {
  const pick = (r: typeof development) => ({ recall: r.recall, precision: r.precision, fields: r.fields });
  fs.writeFileSync('lib/intake/baseline.json', `${JSON.stringify({ development: pick(development), second: pick(second) }, null, 2)}\n`);
  console.log('\nbaseline written to lib/intake/baseline.json');
}
