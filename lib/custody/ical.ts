/**
 * A minimal iCalendar (RFC 5545) writer for all-day events: what the hearing feed needs and nothing
 * more, so no dependency has to be trusted with the data. Pure.
 *
 * @see https://www.rfc-editor.org/rfc/rfc5545 (3.1 line folding, 3.3.11 TEXT escaping, 3.6.1 VEVENT)
 */

export type AllDayEvent = {
  /** Globally unique and stable across downloads, so calendar apps update instead of duplicating. */
  uid: string;
  /** 'YYYY-MM-DD' */
  day: string;
  summary: string;
  description: string;
  url?: string;
};

const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return (
    value
      // Other control characters are not allowed in TEXT and mean nothing to a reader.
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      // U+0085, U+2028 and U+2029 end a line for some readers too: a new line, escaped like one.
      .replace(/\r\n|\r|\n|\u0085|\u2028|\u2029/g, '\\n')
  );
}

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1), each continuation starting
 * with one space, never splitting a UTF-8 character (Cyrillic names are two octets a letter).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const basicDate = (day: string) => day.replaceAll('-', '');

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A UTC date-time in the basic format (20210110T080000Z). */
export function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A whole VCALENDAR of all-day events, CRLF line endings, every line folded. */
export function buildCalendar({ name, events, now }: { name: string; events: readonly AllDayEvent[]; now: Date }): string {
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//case-tracker//hearing calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.day)}`,
      // DTEND is exclusive: an all-day event on one day ends at the start of the next.
      `DTEND;VALUE=DATE:${basicDate(nextDay(event.day))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      ...(event.url ? [`URL:${event.url}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
