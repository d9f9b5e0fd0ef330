/**
 * Invisible control characters in typed or uploaded text. Postgres refuses NUL in text (a 500 at
 * the INSERT), XML, hence XLSX exports, refuses the other C0 controls, and none of them is ever
 * meant. Tab, line feed and carriage return are kept: multi-line fields (notes) need them.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** The i18n key of the message shown for such text. */
export const CONTROL_CHARACTERS_ERROR = 'errors.controlCharacters';

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** For search terms from a URL, where dropping them changes nothing the user meant. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROLS, '');
}

/**
 * The columns of one CSV row (or form) whose text holds a control character, for the import to
 * report as row/column errors before any of it reaches a query.
 */
export function columnsWithControlCharacters(values: Record<string, string>): string[] {
  return Object.entries(values)
    .filter(([, text]) => hasControlCharacters(text))
    .map(([column]) => column);
}
