/**
 * Cells of the spreadsheet exports (CSV, XLSX). Pure, so the guard is tested on its own.
 *
 * A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in some programs, a tab or
 * carriage return) as a formula: a name or a charge typed as `=HYPERLINK(...)` would run on an
 * observer's machine. Such a cell gets a leading single quote, which spreadsheets show as text.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */

/**
 * A cell that gets the leading quote: one that begins with =, +, -, @, a tab or a carriage return,
 * or text that already begins with a quote the import would take for ours (a quote before one of
 * those or before another quote). Without the second part, "'=x" typed as such came back from
 * export and import as "=x".
 */
const GUARDED_START = /^(?:[=+\-@\t\r]|'[=+\-@\t\r'])/;

/**
 * A formula after a break inside the text. Spreadsheets in Russian and Kazakh settings split a CSV
 * on `;` (and some on tabs), where quoting no longer holds, so `Ivan;=1+1` or a note with a line
 * break before `=…` puts a cell that begins with `=` in front of the reader (OWASP's own page
 * names the bypass). The quote goes after the break and any spaces; a quote already there gets
 * another, so that restoreCell can take exactly one away.
 */
const FORMULA_AFTER_BREAK = /([;\t\r\n])( *)(?=['=+\-@])/g;
const GUARD_AFTER_BREAK = /([;\t\r\n])( *)'(?=['=+\-@])/g;

/** The text a spreadsheet shows as text, never as a formula. */
export function neutraliseCell(value: string): string {
  const inner = value.replace(FORMULA_AFTER_BREAK, "$1$2'");
  return GUARDED_START.test(inner) ? `'${inner}` : inner;
}

/** Undoes neutraliseCell on import, so that export then import gives back the same text. */
export function restoreCell(value: string): string {
  const outer = value.startsWith("'") && GUARDED_START.test(value.slice(1)) ? value.slice(1) : value;
  return outer.replace(GUARD_AFTER_BREAK, '$1$2');
}

export type Cell = string | number | null;

/** One CSV field (RFC 4180): neutralised, and quoted when it holds a quote, comma or line break. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return quoted(neutraliseCell(value));
}

const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A CSV record of cells already neutralised (lib/exports/csv-sql.ts guards them in SQL): quoting only. */
export function csvQuotedLine(values: readonly (string | null)[]): string {
  return `${values.map((v) => (v === null ? '' : quoted(v))).join(',')}\r\n`;
}

/** One CSV record with its CRLF line end. */
export function csvLine(values: readonly Cell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** UTF-8 byte order mark: without it Excel reads the file as ANSI and garbles Cyrillic. */
export const CSV_BOM = '\uFEFF';
