/**
 * Writes a benchmark's generated report, keeping the sections written by hand below it (from the
 * first `## ` heading of the file as it was: the history of the numbers, session by session).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function writeReportKeepingHistory(file: string, generated: string) {
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const history = previous.indexOf('\n## ');
  writeFileSync(file, history >= 0 ? `${generated.trimEnd()}\n${previous.slice(history)}` : generated);
}
