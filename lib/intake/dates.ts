/**
 * Date grammar of reports, English, Russian and (some) Kazakh: absolute dates ("January 6",
 * "6 января 2021 г.", "6 қаңтарда", "06.01.2021") and dates relative to the publication date ("on
 * Monday", "yesterday", "вчера", "three days ago") or to the date mentioned just before ("two days
 * earlier", "накануне"). Pure: offsets into the text it is given.
 */
import { daysBetween } from '@/lib/dates/partial-date';

export type DateMention = {
  start: number;
  end: number;
  text: string;
  /** 'YYYY-MM-DD', or null when it cannot be placed (relative to an unknown day). */
  day: string | null;
  /** Month precision when only "in January" was said ('YYYY-MM'). */
  month: string | null;
};

const EN_MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const RU_MONTHS: Record<string, number> = {
  январ: 1, феврал: 2, март: 3, апрел: 4, ма: 5, июн: 6, июл: 7, август: 8, сентябр: 9, октябр: 10, ноябр: 11, декабр: 12,
};
const KK_MONTHS: Record<string, number> = {
  қаңтар: 1, ақпан: 2, наурыз: 3, сәуір: 4, мамыр: 5, маусым: 6, шілде: 7, тамыз: 8, қыркүйек: 9, қазан: 10, қараша: 11, желтоқсан: 12,
};
const EN_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const RU_WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу'];
const KK_WEEKDAYS = ['жексенбі', 'дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі'];

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  'twenty-five': 25, a: 1, an: 1,
  один: 1, одни: 1, одного: 1, два: 2, двое: 2, двух: 2, три: 3, трое: 3, трех: 3, трёх: 3, четыре: 4, четверо: 4, пять: 5, пяти: 5,
  шесть: 6, семь: 7, семи: 7, восемь: 8, девять: 9, десять: 10, десяти: 10, пятнадцать: 15, пятнадцати: 15, двадцать: 20, тридцать: 30,
  бір: 1, екі: 2, үш: 3, төрт: 4, бес: 5, алты: 6, жеті: 7, сегіз: 8, тоғыз: 9, он: 10, он5: 15, жиырма: 20, отыз: 30,
};

export function numberOf(word: string): number | null {
  const w = word.toLowerCase().replace(/[\s\u00a0,]/g, '');
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function realDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? iso(y, m, d) : null;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The year a day-and-month without a year falls in: the publication's, or the year before when that would be after it. */
function yearFor(month: number, day: number, published: string | null): number | null {
  if (!published) return null;
  const year = Number(published.slice(0, 4));
  if (published.length < 10) return year;
  const candidate = realDay(year, month, day);
  return candidate && candidate > published ? year - 1 : year;
}

const EN_MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const RU_MONTH = '(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)';
const KK_MONTH = '(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\\p{L}*';

type Rule = { re: RegExp; resolve: (m: RegExpExecArray, ctx: Ctx) => { day: string | null; month?: string | null } };
type Ctx = { published: string | null; previous: string | null };

const monthOfEn = (s: string) => EN_MONTHS[s.toLowerCase().replace('.', '')];
const monthOfRu = (s: string) => {
  const k = s.toLowerCase();
  for (const [stem, n] of Object.entries(RU_MONTHS)) if (k.startsWith(stem) && (stem !== 'ма' || k.startsWith('мая'))) return n;
  return 0;
};
const monthOfKk = (s: string) => {
  const k = s.toLowerCase();
  for (const [stem, n] of Object.entries(KK_MONTHS)) if (k.startsWith(stem)) return n;
  return 0;
};

function absolute(month: number, dayText: string, yearText: string | undefined, ctx: Ctx) {
  const d = Number(dayText);
  const y = yearText ? Number(yearText) : yearFor(month, d, ctx.published);
  return { day: y ? realDay(y, month, d) : null };
}

/** The last `weekday` on or before the publication day. */
function lastWeekday(weekday: number, ctx: Ctx) {
  if (!ctx.published || ctx.published.length < 10) return { day: null };
  const pub = new Date(`${ctx.published}T00:00:00Z`);
  const back = (pub.getUTCDay() - weekday + 7) % 7;
  return { day: addDays(ctx.published, -back) };
}

function fromPublished(days: number, ctx: Ctx) {
  return { day: ctx.published && ctx.published.length === 10 ? addDays(ctx.published, days) : null };
}

function fromPrevious(days: number, ctx: Ctx) {
  return { day: ctx.previous ? addDays(ctx.previous, days) : null };
}

const NUM = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a|один|два|три|четыре|пять|шесть|семь|бір|екі|үш|төрт|бес)';

const RULES: Rule[] = [
  // 2021-01-06, 06.01.2021
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, resolve: (m) => ({ day: realDay(+m[1], +m[2], +m[3]) }) },
  { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g, resolve: (m) => ({ day: realDay(+m[3], +m[2], +m[1]) }) },
  // January 6, 2021 / Jan. 6
  { re: new RegExp(`\\b${EN_MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?`, 'g'), resolve: (m, c) => absolute(monthOfEn(m[1]), m[2], m[3], c) },
  // 6 January 2021
  { re: new RegExp(`\\b(\\d{1,2}) ${EN_MONTH}(?:,? (\\d{4}))?`, 'g'), resolve: (m, c) => absolute(monthOfEn(m[2]), m[1], m[3], c) },
  // 6 января 2021 г.
  { re: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2}) ${RU_MONTH}(?: (\\d{4})(?: ?(?:года|г\\.|г\\b))?)?`, 'gu'), resolve: (m, c) => absolute(monthOfRu(m[2]), m[1], m[3], c) },
  // 2021 жылғы 6 қаңтарда / 6 қаңтарда
  { re: new RegExp(`(?:(\\d{4}) жылғы )?(?<![\\p{L}\\d])(\\d{1,2}) ${KK_MONTH}`, 'gu'), resolve: (m, c) => absolute(monthOfKk(m[3]), m[2], m[1], c) },
  // in January 2021 (month precision)
  {
    re: new RegExp(`\\b(?:in|early|late|mid-)\\s?${EN_MONTH} (\\d{4})\\b`, 'g'),
    resolve: (m) => ({ day: null, month: `${m[2]}-${pad(monthOfEn(m[1]))}` }),
  },
  // Weekdays
  { re: /\b(?:on |last |this )?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g, resolve: (m, c) => lastWeekday(EN_WEEKDAYS.indexOf(m[1].toLowerCase()), c) },
  {
    re: /(?<!\p{L})(?:в|во) (?:прошл\p{L}+ |эт\p{L}+ )?(воскресенье|понедельник|вторник|среду|четверг|пятницу|субботу)(?!\p{L})/giu,
    resolve: (m, c) => lastWeekday(RU_WEEKDAYS.indexOf(m[1].toLowerCase()), c),
  },
  { re: /(?<!\p{L})(жексенбі|дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі)(?:\s?күні)?(?!\p{L})/giu, resolve: (m, c) => lastWeekday(KK_WEEKDAYS.indexOf(m[1].toLowerCase()), c) },
  // yesterday / today / the day before yesterday
  { re: /\b(the day before yesterday)\b/gi, resolve: (_, c) => fromPublished(-2, c) },
  { re: /\b(yesterday)\b/gi, resolve: (_, c) => fromPublished(-1, c) },
  { re: /\b(today|earlier today|this morning)\b/gi, resolve: (_, c) => fromPublished(0, c) },
  { re: /(?<!\p{L})(позавчера)(?!\p{L})/giu, resolve: (_, c) => fromPublished(-2, c) },
  { re: /(?<!\p{L})(вчера|кеше)(?!\p{L})/giu, resolve: (_, c) => fromPublished(-1, c) },
  { re: /(?<!\p{L})(сегодня|бүгін)(?!\p{L})/giu, resolve: (_, c) => fromPublished(0, c) },
  // N days ago / earlier / later
  { re: new RegExp(`\\b${NUM} days? ago\\b`, 'gi'), resolve: (m, c) => fromPublished(-(numberOf(m[1]) ?? 0), c) },
  { re: new RegExp(`\\b${NUM} days? (earlier|before|later)\\b`, 'gi'), resolve: (m, c) => fromPrevious((m[2].toLowerCase() === 'later' ? 1 : -1) * (numberOf(m[1]) ?? 0), c) },
  { re: /\b(the day before|the previous day|a day earlier)\b/gi, resolve: (_, c) => fromPrevious(-1, c) },
  { re: /\b(the next day|the following day|a day later)\b/gi, resolve: (_, c) => fromPrevious(1, c) },
  { re: new RegExp(`(?<!\\p{L})${NUM} (?:дня|дней|день) назад(?!\\p{L})`, 'giu'), resolve: (m, c) => fromPublished(-(numberOf(m[1]) ?? 0), c) },
  { re: /(?<!\p{L})(накануне)(?!\p{L})/giu, resolve: (_, c) => fromPrevious(-1, c) },
  { re: /(?<!\p{L})(на следующий день)(?!\p{L})/giu, resolve: (_, c) => fromPrevious(1, c) },
];

/** Every date mention of `text` in order, placed on a day where the text and publication date allow. */
export function findDates(text: string, published: string | null): DateMention[] {
  const raw: { start: number; end: number; rule: Rule; m: RegExpExecArray }[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      raw.push({ start: m.index, end: m.index + m[0].length, rule, m });
    }
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof raw = [];
  for (const r of raw) if (!kept.some((k) => r.start < k.end && r.end > k.start)) kept.push(r);
  const out: DateMention[] = [];
  let previous: string | null = null;
  for (const r of kept) {
    const { day, month = null } = r.rule.resolve(r.m, { published, previous });
    if (day && published && published.length === 10 && daysBetween(published, day) > 0) continue;
    out.push({ start: r.start, end: r.end, text: r.m[0], day, month });
    if (day) previous = day;
  }
  return out;
}

/** The publication date of a header's "Published:" value: 'YYYY-MM-DD', 'YYYY-MM', or null. */
export function parsePublished(value: string): string | null {
  const found = findDates(value, null).find((d) => d.day);
  const month = new RegExp(`${EN_MONTH},? (\\d{4})`).exec(value);
  // The first date said wins: "January 2021 (… rulings of January 6 …)" is a month.
  if (month && (!found || month.index < found.start)) return `${month[2]}-${pad(monthOfEn(month[1]))}`;
  if (found?.day) return found.day;
  const ruMonth = /(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*,? (\d{4})/iu.exec(value);
  if (ruMonth) return `${ruMonth[2]}-${pad(monthOfRu(ruMonth[1] === 'май' ? 'мая' : ruMonth[1]))}`;
  const year = /\b(\d{4})\b/.exec(value);
  return year ? year[1] : null;
}
