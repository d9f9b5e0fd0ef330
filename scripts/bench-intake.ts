/**
 * `npm run bench:intake`: scores the intake extraction on lib/intake/corpus and prints the table
 * (docs/BENCHMARKS-intake.md keeps the latest). `--write-baseline` records lib/intake/baseline.json,
 * the numbers lib/intake/bench.test.ts holds the extraction to.
 */
import fs from 'node:fs';
import { formatBenchmark, runBenchmark } from '@/lib/intake/bench';

const result = runBenchmark();
console.log(formatBenchmark(result));
if (process.argv.includes('--write-baseline')) {
  const baseline = { recall: result.recall, precision: result.precision, fields: result.fields };
  fs.writeFileSync('lib/intake/baseline.json', `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('\nbaseline written to lib/intake/baseline.json');
}
