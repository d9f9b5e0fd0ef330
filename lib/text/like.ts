/**
 * A LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped (Postgres's default
 * escape character is the backslash), so "%", "_" and "\" typed by a user match themselves: a
 * source URL such as https://example.org/a_b must be found by "a_b".
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
}
