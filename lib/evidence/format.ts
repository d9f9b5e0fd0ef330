/** Capture times are shown in UTC, to the second, the same for every reader and in every report. */
export function showUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
