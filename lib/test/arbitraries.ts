/**
 * fast-check generators of hostile input, shared by the property tests and e2e/fuzz.spec.ts: what
 * a forged form, a hand-edited URL or a spreadsheet export can contain. Pure (fast-check only).
 * @see https://fast-check.dev/docs/core-blocks/arbitraries/
 */
import fc from 'fast-check';

/** Fixed seeds, so a failure found once is found again. */
export const SEED = 20260126;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Dates as typed by hand: real, impossible (2021-02-30, month 13, year 0000), partial, malformed. */
export const dateText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${pad(y, 4)}-${pad(m, 2)}`),
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.constantFrom('2021-02-30', '2021-02-29', '2020-02-29', '2021-04-31', '0000-01-01', '0001-01-01', '9999-12-31', '2021-1-5', '2021/01/05', '05.01.2021', '2021-01-05T00:00', '+002021-01-05', '2021-01-05\0'),
);

/** Numbers as they arrive in a query string or a form field. */
export const numberText = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
  fc.constantFrom('0', '-0', '-1', '1e3', '1e309', '0x10', '1_000', '١٢', '１２', ' 7 ', '7 days', 'NaN', 'Infinity', '9007199254740993', '2147483648', '999999999', '1000000000'),
);

/** Control characters inside text that survives trimming: PostgreSQL refuses NUL in text. */
export const controlText = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\0', '\u0001', '\u001b', '\u007f', '\uD800', '\uFFFF', '\u2028'), fc.string({ maxLength: 10 }))
  .map(([a, c, b]) => `x${a}${c}${b}x`);

/** Strings that have broken parsers and databases: NUL, lone surrogates, RTL marks, SQL, huge. */
export const nastyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\0',
      'a\0b',
      '\uD800',
      '\uFEFF',
      '\u202Eevil',
      'Серікбаев',
      'Ғаділбек',
      '🙂',
      "'; DROP TABLE detentions; --",
      '%',
      '%00',
      '%E0%A4%A',
      '_',
      '\\',
      '"',
      '=HYPERLINK("http://x")',
      'null',
      'undefined',
      '__proto__',
      'constructor',
      'x'.repeat(101),
      'x'.repeat(20_001),
    ),
  },
  { weight: 2, arbitrary: controlText },
  { weight: 1, arbitrary: dateText },
  { weight: 1, arbitrary: numberText },
);

/** A URL field: good, odd and hostile. */
export const urlText = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('https://news.example.org/a', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'http://', 'https://exa mple.org', 'http://[::1', 'https://news.example.org/\0', 'https://例え.jp/記事', `https://news.example.org/${'a'.repeat(2100)}`),
  nastyText,
);

/** Keys of the /cases filters and the dashboard, plus ones no page knows. */
const QUERY_KEYS = ['q', 'city', 'region', 'from', 'to', 'charge', 'sentence', 'plea', 'election', 'status', 'role', 'review', 'confidentiality', 'deleted', 'lens', 'before', 'after', 'page', 'compare', 'all', 'format', 'notes', 'limit', 'cursor'] as const;

const queryValue = fc.oneof(nastyText, dateText, numberText, fc.constantFrom('1', 'csv', 'xlsx', 'json', 'pdf', 'fine', 'guilty', 'restricted', 'activist', '1,2,3', '1,,x'));

/** Parameters as a browser would send them (any key may repeat). */
export const queryParams = fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: nastyText }), queryValue), { maxLength: 8 });

/** Query strings that broke (or nearly broke) a page once: tried first, then generated ones. */
export const KNOWN_BAD_QUERIES = ['from=2021-02-30', 'to=0000-01-01', 'from=2021-01-01&to=2020-01-01', 'q=%00', 'q=a%00b', 'region=%00', 'q=%', 'city=1e400', 'page=99999999999999999999', 'compare=1&compare=2&compare=x', 'before=-1&after=366', 'q=%F0%9F', '&&&=&=', 'lens=0', 'election=2147483648', 'limit=1e2&after=-1', 'format=%00'];

/** A raw query string, sometimes not even well-formed percent-encoding. */
export const rawQuery = fc.oneof(
  queryParams.map((pairs) => new URLSearchParams(pairs).toString()),
  // Values as typed into the address bar: raw, so `%` and `%E0%A4` reach the server as they are.
  queryParams.map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k.toWellFormed())}=${v.toWellFormed().replace(/[#&\s]/g, (c) => encodeURIComponent(c))}`).join('&')),
  fc.constantFrom(...KNOWN_BAD_QUERIES),
);

/** Whether a string is a real calendar day that PostgreSQL's `date` accepts (year 1 or later). */
export function isRealDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  date.setUTCFullYear(Number(match[1]));
  return Number(match[1]) >= 1 && date.toISOString().slice(0, 10) === day;
}
