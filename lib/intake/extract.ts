/**
 * From an article to draft detentions: one draft per person the text reports detained, each field
 * filled where the text supports it and carrying the exact quote (character offsets into the text
 * as given) it came from. Pure: the gazetteer and the charge vocabulary are passed in, so it runs in
 * tests and in the benchmark without a database, and nothing leaves the machine.
 *
 * How it reads: the header ("Title:", "Published:") gives the citation; the body is cut into
 * sentences; names are runs of capitalised words that are not places, months or institutions;
 * a name counts as a detainee when it sits in a sentence that reports a detention, sentence or
 * charge and is not introduced as an official, lawyer, journalist or speaker. Facts of a sentence
 * (dates, place, charge, sentence, plea, court) go to the people it names, or, when it names none
 * but says "they", "the trio", "he", "трое", to the people of the sentence before.
 */
import type { DateQualifier, PenaltyKind, PenaltyUnit, Plea } from '@/db/schema';
import { matchPlace, type GazetteerEntry } from '@/lib/places/match';
import { findCharges, type VocabularyCharge } from './charges';
import { findDates, parsePublished, type DateMention } from './dates';
import { findPenalties } from './penalties';

export type Quote = { start: number; end: number; text: string };
export type Field<T> = { value: T; quote: Quote | null };

export type DraftDate = { on: string; qualifier: DateQualifier; asReported: string | null };
/** `fromCourt`: the court's city; `fromScene`: the report's dateline or headline (no place said of the person). */
export type DraftPlace = { placeId: number; name: string; fromCourt: boolean; fromScene?: boolean };
export type DraftCharge = { text: string; chargeId: number | null; part: string | null; basis: 'stated' | 'inferred' | null };
export type DraftPenalty = { kind: PenaltyKind; amount: number | null; unit: PenaltyUnit | null; asReported: string };

export type Draft = {
  name: Field<string>;
  /** Every quote where the text names or refers to this person. */
  mentions: Quote[];
  place: Field<DraftPlace> | null;
  detained: Field<DraftDate>;
  sentenced: Field<DraftDate> | null;
  charge: Field<DraftCharge> | null;
  penalties: Field<DraftPenalty>[];
  plea: Field<Plea>;
  court: Field<string> | null;
};

export type ArticleHeader = { title: string | null; url: string | null; publisher: string | null; published: string | null; bodyStart: number };

export type Extraction = { language: 'en' | 'ru' | 'kk'; header: ArticleHeader; drafts: Draft[] };

export type ExtractOptions = {
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; read from the header when not given. */
  published?: string | null;
  places: readonly GazetteerEntry[];
  charges: readonly VocabularyCharge[];
};

// ---------------------------------------------------------------------------------------------
// Header, language, sentences

const HEADER_KEYS: Record<string, keyof Omit<ArticleHeader, 'bodyStart'>> = {
  title: 'title', headline: 'title', заголовок: 'title', тақырып: 'title',
  url: 'url', 'source url': 'url', source: 'url', link: 'url', ссылка: 'url', сілтеме: 'url',
  publisher: 'publisher', издание: 'publisher', источник: 'publisher', outlet: 'publisher', басылым: 'publisher',
  published: 'published', date: 'published', дата: 'published', опубликовано: 'published', жарияланды: 'published', күні: 'published',
};

/** "Key: value" lines at the top of the text, up to a rule line or the first line that is not one. */
export function readHeader(text: string): ArticleHeader {
  const header: ArticleHeader = { title: null, url: null, publisher: null, published: null, bodyStart: 0 };
  const lineRe = /^([^\n]*)(\n|$)/gm;
  let pos = 0;
  let sawKey = false;
  for (let m = lineRe.exec(text); m && m[0].length > 0; m = lineRe.exec(text)) {
    const line = m[1].trim();
    const kv = /^([\p{L} ]{2,20}):\s*(.+)$/u.exec(line);
    const key = kv ? HEADER_KEYS[kv[1].trim().toLowerCase()] : undefined;
    if (key && kv) {
      const value = kv[2].trim();
      if (key === 'url') header.url ??= /https?:\/\/\S+/.exec(value)?.[0] ?? null;
      else if (key === 'published') header.published ??= parsePublished(value);
      else header[key] ??= value.slice(0, 500);
      sawKey = true;
      pos = m.index + m[0].length;
      continue;
    }
    if (sawKey && /^(note|примечание)\s*:/i.test(line)) {
      pos = m.index + m[0].length;
      continue;
    }
    if (sawKey && /^[-=_*]{3,}$/.test(line)) pos = m.index + m[0].length;
    break;
  }
  header.bodyStart = sawKey ? pos : 0;
  return header;
}

export function detectLanguage(text: string): 'en' | 'ru' | 'kk' {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (cyrillic <= latin) return 'en';
  const kazakh = (text.match(/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g) ?? []).length;
  return kazakh > cyrillic * 0.02 ? 'kk' : 'ru';
}

type Sentence = { start: number; end: number; text: string };

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|art|Art|Gen|Col|Lt|Sgt)|(?<!\p{L})(?:г|ст|ч|гг|т|им|пос|обл|ул|п|см|др|тыс|млн|руб|тг|[A-ZА-ЯЁ]))$/u;

/**
 * The longest stretch read as one sentence: past it, the next blank starts a new one. The extractor
 * pairs every verb, date and name of a sentence with each other, so a 200,000-character paste with
 * no full stop held the server for minutes (session 25); a real sentence, even a long list of names,
 * stays well under this.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** Whether the text before a line break ends a sentence: only its last characters are read. */
const endsSentence = (text: string, start: number, i: number) => /[.!?»"”:]$/.test(text.slice(Math.max(start, i - 200), i).trimEnd());

export function splitSentences(text: string, from = 0): Sentence[] {
  const out: Sentence[] = [];
  let start = from;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ start: start + lead, end: start + lead + t.length, text: t });
    start = end;
  };
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' && (/^\r?\n/.test(text.slice(i + 1, i + 3)) || /^\s*$/.test(text.slice(start, i)) === false && endsSentence(text, start, i))) {
      push(i + 1);
      continue;
    }
    if (i - start >= MAX_SENTENCE_CHARS && /\s/.test(ch)) {
      push(i + 1);
      continue;
    }
    if (ch === '\n' && text.slice(i + 1, i + 3).trim() === '' ) continue;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? ' ')) {
      const before = text.slice(Math.max(start, i - 12), i);
      if (ABBREVIATION.test(before)) continue;
      let end = i + 1;
      while (/["»”')]/.test(text[end] ?? '')) end++;
      push(end);
    }
  }
  push(text.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cues

const DETENTION_VERB = /\b(detain(?:ed|s|ing)?|arrest(?:ed|ing)|taken into custody|apprehended|rounded up|held by police|picked up by police)\b|(?<!\p{L})(задерж\p{L}*|доставлен\p{L}* в (?:отдел|полици)\p{L}*|ұстал\p{L}*|ұстады|қамауға ал\p{L}*|қамалды)/giu;
const SENTENCE_VERB = /\b(sentenced|sentencing|jailed|fined|convicted|found guilty|ordered to (?:pay|serve)|given|handed)\b|(?<!\p{L})(приговор\p{L}*|осуд\p{L}*|осужд\p{L}*|оштрафова\p{L}*|назначил\p{L}*|арестова\p{L}*|водвор\p{L}*|признал\p{L}* виновн\p{L}*|сотталды|соттады|айыппұл салды|қамады|кесілді)/giu;
const CHARGE_CUE = /\b(charged|accused|charges?|prosecuted|guilty)\b|(?<!\p{L})(обвин\p{L}*|стать\p{L}*|дело|айып\p{L}*|бап\p{L}*)/giu;
const SAME_DAY = /\b(?:(?:just |only |a few |several )?hours after |shortly after |soon after |on the (?:same )?day (?:of )?(?:his |her |their )?)(?:he |she |they |being |his |her |their )?(?:was |were |had been )?(?:detained|detention|arrest(?:ed)?)|(?<!\p{L})(?:в тот же день|в день задержания|через несколько часов после задержания|в день (?:его |её |их )?задержания)/iu;

const PLEA_NOT_GUILTY = /\b(pleaded not guilty|pleads not guilty|(?:rejected|denied|denies|deny|reject|rejects|dismissed|disputed) (?:the |all |these )?(?:charges?|accusations?)|(?:a )?charges? (?:he|she|they) (?:rejected|denied|reject|deny)|maintain(?:s|ed)? (?:his|her|their) innocence|(?:denied|deny|denies) (?:any )?wrongdoing|(?:said|says|insisted|insists) (?:that )?(?:he|she|they) (?:was|were|is|are) innocent|pleaded innocent|did not admit (?:his|her|their)? ?guilt|refused to admit (?:his|her|their)? ?guilt)\b|(?<!\p{L})(не призна\p{L}* (?:свою |своей )?вин(?:у|ы)(?!\p{L})|вину не призна\p{L}*|отверг\p{L}* обвинени\p{L}*|отрица\p{L}* (?:свою )?вин\p{L}*|отрица\p{L}* обвинени\p{L}*|кінәсін мойындамады|айыпты мойындамады|заявил\p{L}* о (?:своей )?невиновности|считает себя невиновн\p{L}*|считают себя невиновн\p{L}*)/iu;
const PLEA_GUILTY = /\b(pleaded guilty|pleads guilty|admitted (?:his|her|their)? ?guilt|admitted to the charges?|confessed)\b|(?<!\p{L})(?<!не )((?:полностью )?призна\p{L}* (?:свою |полностью )?вину(?!\p{L})|вину призна\p{L}*|кінәсін мойындады)/iu;

/** A charge said to be another detainee's: "on the same charge", "по той же статье". */
const SAME_CHARGE = /\b(?:on|under|for) the same (?:charges?|article|offen[cs]e)|(?<!\p{L})(?:по той же (?:стать\p{L}*|обвинени\p{L}*)|по тому же обвинению|по аналогичн\p{L}* стать\p{L}*|сол бап\p{L}*)/iu;

// Words bounded to 40 characters and six before "court": unbounded, a long hyphenated run was
// read to its end from each of its capitals and backed off again (quadratic).
const COURT = /\b((?:a|the) (?:[A-Z][\w-]{0,40} ){0,6}(?:district |city |regional |administrative |inter-district |specialized |specialised ){0,3}court(?: in(?: the (?:capital|city|town)(?: of)?)?,? (?:[A-Z][\w-]{1,40}(?: [A-Z][\w-]{1,40})?))?|(?:[A-Z][\w-]{1,40} ){1,4}[Cc]ourt)|(?<!\p{L})((?:[\p{Lu}\p{Ll}-]{1,40} ){0,4}(?:суд|суда|судом)(?: (?:города|г\.|района) [\p{Lu}][\p{L}-]{0,40})?)/u;

/** Words that make the next name someone other than a detainee. */
const NOT_DETAINEE_BEFORE = /(?:\b(?:lawyer|attorney|advocate|judge|prosecutor|investigator|spokes(?:man|woman|person)|official|correspondent|reporter|editor|president|minister|chairman|chairwoman|head|akim|mayor|governor|deputy|ombudsman|leader|founder|banker|according to|told|by|of|with|supporters?|follower|wife|husband|son|daughter|mother|father|brother|sister|relatives?|friend|colleague)|(?<!\p{L})(?:адвокат\p{L}*|защитник\p{L}*|судья|прокурор\p{L}*|следовател\p{L}*|представител\p{L}*|корреспондент\p{L}*|президент\p{L}*|министр\p{L}*|глав\p{L}|аким\p{L}*|депутат\p{L}*|лидер\p{L}*|основател\p{L}*|сторонник\p{L}*|по словам|супруг\p{L}*|жена|мать|отец|брат|сестра|сын|дочь|родственник\p{L}*|председател\p{L}*|қорғаушы\p{L}*|адвокаты|судья\p{L}*))[\s,]*$/iu;
const NOT_DETAINEE_AFTER = /^[,\s]*(?:(?:said|says|told|wrote|added|noted|explained|stated|commented)\b|(?:a|the|his|her|their) (?:lawyer|attorney|judge|prosecutor|spokes\w+|official|correspondent|head|chairman|leader|founder|relative|wife|husband|mother|father|brother|sister)\b|(?:сказал|заявил|сообщил|рассказал|написал|отметил|пояснил|добавил)\p{L}*|(?:адвокат|судья|прокурор|представител|журналист|глава|председател|лидер|основател)\p{L}*)/iu;

/** References to the people of the sentence before, when a sentence names nobody. */
const GROUP_REFERENT = /\b(they|them|their|the trio|the pair|the two|the three|the four|the five|the six|the seven|the eight|the nine|the ten|the (?:\w+ )?(?:activists|men|women|detainees|defendants|protesters|bloggers)|all (?:of them|three|four|five|six|seven|eight|nine|ten)|both|each|those detained|the (?:two|three|four|five|six|seven) (?:men|women|activists))\b|(?<!\p{L})(они|их|им|трое|двое|четверо|пятеро|шестеро|все (?:трое|четверо|пятеро|они|задержанные)|всех (?:троих|четверых|пятерых|шестерых|семерых|задержанных)|обоих|оба|обе|активист(?:ы|ов|ам|ами)|задержанн\p{L}+|обвиняем\p{L}+|олар|олардың|оларды|әрқайсысын|екеуі|екеуін|үшеуі|белсенділер)(?!\p{L})/iu;
const SINGLE_REFERENT = /\b(he|she|his|her|him)\b|(?<!\p{L})(он|она|его|её|ее|ему|ей|ол|оны|оған)(?!\p{L})/iu;

// ---------------------------------------------------------------------------------------------
// Names

/** Capitalised words that are never part of a person's name. */
const NOT_NAME_WORDS = new Set(
  (
    'The A An In On At Of For And But Or If As By To From With After Before During Since While When Where Who What This That These Those Also It He She They We I ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'Kazakh Kazakhstan Kazakhstani Russian Russia Central Asia Asian Soviet Union Western European Europe American US U.S. UN OSCE EU ' +
    'President Court Police Party Council Service Radio Free Liberty News Democratic Social National Choice Movement Committee Bureau International Human Rights Watch Amnesty ' +
    'Ministry Office Department Security Facebook Telegram YouTube Instagram Twitter WhatsApp TikTok Mazhilis Senate Parliament Republic Nur Otan Assembly People Code Article Criminal Administrative ' +
    'Koshe DVK Democratic Choice Oyan Qazaqstan Azattyq Azattyk RFE/RL RFE RL Reuters AFP AP Eurasianet Vlast Vlast.kz Orda Orda.kz KazTAG Tengrinews Interfax Freedom House Breaking Accessibility Elbasy Independence Day Zheltoqsan ' +
    'Он Она Они В На По С И Но А Как Это Его Её Их Суд Суда Судом Полиция Полиции Президент Казахстан Казахстана Казахстане Республики Партия Партии Движение Движения ДВК Кошe Радио Азаттык ' +
    'Январь Января Февраля Марта Апреля Мая Июня Июля Августа Сентября Октября Ноября Декабря КоАП УК Статья Статьи Ол Олар Сот Соты Полиция Қазақстан Нұр Отан Демократиялық Таңдауы Facebook-те ' +
    'Observer Observers Activist Activists Blogger Journalist Lawyer Judge Officer Civic Opposition Local Independent Defender Those Two Three Four Five Six Seven All Both Election Commission Administration Square Street Avenue Monument Stadium Park Hall Akimat Prosecutor General Regional District City Region Chief Deputy Minister Interior ' +
    'Наблюдатель Наблюдатели Задержанными Задержанные Суд Судья Прокуратура Акимат Полиция Представитель Сам Сама Обоих Ему Ей Её ' +
    'Telegram-канале Telegram-каналы Фейсбуке Правозащитники Правозащитник Активисты Активист Общественный Фонд Бюро Human Rights Мажилис Мажилиса Сенат Демократический Выбор Казахстана Народная'
  ).split(/\s+/),
);

// Bounded (a word of at most 40 letters, at most three hyphens or apostrophes): unbounded, every
// capital of a run like "Aa-Aa-Aa-…" read the rest of it and backed off again (quadratic).
const NAME_WORD = "[\\p{Lu}][\\p{Ll}]{1,40}(?:['’-][\\p{Lu}\\p{Ll}][\\p{Ll}]{1,40}){0,3}";
const NAME_RUN = new RegExp(`(?<![\\p{L}'’])${NAME_WORD}(?:\\s${NAME_WORD}){1,2}(?![\\p{L}])`, 'gu');

type Mention = { start: number; end: number; text: string; key: string; sentence: number; excluded: boolean };
type Person = { key: string; first: string; last: string; forms: string[]; mentions: Mention[]; detainee: boolean };

/** A surname's key whatever its case: Жаубатырова/Жаубатырову/Жаубатыровым → жаубатыров. */
function surnameKey(word: string, kazakh = false): string {
  const w = (kazakh ? kazakhNominative(word) : word).toLowerCase().replace(/[’']/g, '');
  const m = /^(.+?(?:ов|ев|ёв|ин|ын|ий|ский))(?:а|у|ым|ом|е|ой|ою)?$/u.exec(w);
  if (m) return m[1];
  const k = /^(.+?(?:ova|eva|ina|yna))$/.exec(w);
  if (k) return k[1].slice(0, -1);
  // Other Cyrillic surnames decline too: Абжана/Абжану/Абжаном → абжан.
  const declined = /^(\p{Script=Cyrillic}{3,}[бвгджзклмнпрстфхцчшщ])(?:а|у|ом|ым|е)$/u.exec(w);
  if (declined && !/(?:ұлы|улы|қызы|кызы)$/u.test(w)) return declined[1];
  return w.replace(/(?:ұлы|улы|қызы|кызы|uly|kyzy)$/u, '');
}

/**
 * A Kazakh surname without its case ending: Ахметовты, Ахметованы, Ахметоваға, Ахметовтың → Ахметов,
 * Ахметова. Only after a surname's own ending (-ов, -ева, -ин, -ұлы, -қызы…), so other words keep theirs.
 */
const KAZAKH_CASE = /^(.+?(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ұлы|улы|қызы|кызы))(?:ның|нің|тың|тің|дың|дің|ға|ге|қа|ке|на|не|ны|ні|ты|ті|ды|ді|мен|пен|бен|да|де|та|те|дан|ден|тан|тен|нан|нен|ға)$/u;
export function kazakhNominative(word: string): string {
  return KAZAKH_CASE.exec(word)?.[1] ?? word;
}

/** Titles before a name that are not part of it ("Mr Serikbaev"). */
const TITLE_WORDS = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr']);

/** An initial: "A.", "Т.", "A.B." */
const INITIALS = '\\p{Lu}\\.(?:\\s?\\p{Lu}\\.)?';
/** Names written with initials, before or after the surname: "A. Serikbayev", "Серикбаев А.", "Т. Жумабаева". */
const INITIAL_BEFORE = new RegExp(`(?<![\\p{L}.])${INITIALS}\\s?(${NAME_WORD})(?![\\p{L}])`, 'gu');
const INITIAL_AFTER = new RegExp(`(?<![\\p{L}'’])(${NAME_WORD})\\s(${INITIALS})(?![\\p{L}])`, 'gu');
/** One-word names, where the text says it is a name: "identified by the single name Zhasulan", "по имени Болат". */
const SINGLE_NAME = new RegExp(
  `(?:\\b(?:named|called|known as|known only as|identified (?:only )?(?:as|by the (?:single )?name)|(?:single|first|only) name)|(?<!\\p{L})(?:по имени|известн\\p{L}* как|есімді))\\s+(${NAME_WORD})(?![\\p{L}]|\\s\\p{Lu}\\p{Ll})`,
  'gu',
);

const ROLE_NOUN_BEFORE = /(?:activist|journalist|blogger|observer|defender|member|актив\p{L}*|журналист\p{L}*|блогер\p{L}*|наблюдател\p{L}*|правозащитни\p{L}*|жител\p{L}*|белсенді\p{L}*)\s+$/iu;

/** A headline or caption in Title Case ("Activists Warn Of Crackdown As More Jailed"): no names read from it. */
function isHeading(sentence: string): boolean {
  if (/[.!?"»”]$/u.test(sentence)) return false;
  const words = sentence.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 4) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.7;
}

/**
 * matchPlace, once per distinct word for a gazetteer: it searches the whole gazetteer, and a text
 * repeats its names (a crafted paste of one surname 28,000 times spent most of its time here).
 */
const placeMatches = new WeakMap<readonly GazetteerEntry[], Map<string, ReturnType<typeof matchPlace>>>();
function matchPlaceOnce(words: string, places: readonly GazetteerEntry[]): ReturnType<typeof matchPlace> {
  let known = placeMatches.get(places);
  if (!known) placeMatches.set(places, (known = new Map()));
  let match = known.get(words);
  if (!match) known.set(words, (match = matchPlace(words, places)));
  return match;
}

function isPlaceWord(words: string, places: readonly GazetteerEntry[]): boolean {
  return matchPlaceOnce(words, places).length > 0;
}

/** Nominative of a Russian name seen in the accusative/genitive ("Асылхана Жаубатырова"). */
/** Whether a name stands in an oblique case: after a transitive verb or a noun ("задержали …", "активистов …"), list items included. */
function isOblique(before: string): boolean {
  let t = before;
  for (let i = 0; i < 12; i++) {
    const item = /(?:[\p{Lu}][\p{Ll}'’-]+ ){0,2}[\p{Lu}][\p{Ll}'’-]+(?:,\s*и\s+|,\s*|\s+и\s+)$/u.exec(t);
    if (!item) break;
    t = t.slice(0, item.index);
  }
  return /(?<!\p{L})(?:задержал\p{L}*|арестовал\p{L}*|оштрафовал\p{L}*|осудил\p{L}*|приговорил\p{L}*|обвинил\p{L}*|отпустил\p{L}*|освободил\p{L}*|активист(?:а|ов|ку|ок)|блогер(?:а|ов)|наблюдател(?:я|ей)|журналист(?:а|ов)|против|для|у|от|в отношении|дело)(?:\s+\p{L}+){0,2}\s*$/iu.test(t);
}

const CONSONANT_ENDING = /(?<=[бвгджзклмнпрстфхцчшщ])(?:а|у|ом|ым|е)$/u;

/**
 * The nominative of a Russian name as a report declines it: "Асылхана Жаубатырова" (a man, after
 * "задержали") → Асылхан Жаубатыров; "Айгуль Утепову" (a woman) → Айгуль Утепова.
 */
function russianNominative(first: string, last: string, gender: 'm' | 'f' | null, oblique: boolean): [string, string] {
  // A first name in -у/-ю, or one that does not decline (Айгуль: a man's Игорь would be Игоря), beside a surname in -ову: a woman.
  if (gender === 'f' || (gender === null && oblique && /(?:ову|еву|ину|ыну)$/u.test(last) && /[уюь]$/u.test(first))) {
    const lastNom = last.replace(/(?<=(?:ов|ев|ёв|ин|ын))(?:у|ой|ою)$/u, 'а');
    const firstNom = oblique || lastNom !== last ? first.replace(/у$/u, 'а').replace(/ю$/u, 'я') : first;
    return [firstNom, lastNom];
  }
  const obliqueForm = /(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е)$/u.test(last);
  if (!oblique && !(gender === 'm' && (obliqueForm || CONSONANT_ENDING.test(last)))) return [first, last];
  return [first.replace(/я$/u, 'й').replace(CONSONANT_ENDING, ''), last.replace(CONSONANT_ENDING, '')];
}

const FEMALE_CUE = /(?<!\p{L})(задержана|арестована|приговорена|оштрафована|осуждена|признала|отказалась|заявила|была|её|ее|она|активистку|активистка|журналистку|журналистка|блогершу|жительницу|жительница|правозащитницу|правозащитница)(?!\p{L})/giu;
const MALE_CUE = /(?<!\p{L})(задержан|арестован|приговорен|оштрафован|осужден|признал|отказался|заявил|был|его|он|активиста|журналиста|блогера|жителя|правозащитника)(?!\p{L})/giu;

const MALE_NOUN_BEFORE = /(?<!\p{L})(?:знакомого|товарища|активиста|журналиста|блогера|жителя|правозащитника|мужчину|брата|сына|отца|мужа)\s+$/iu;
const FEMALE_NOUN_BEFORE = /(?<!\p{L})(?:знакомую|подругу|активистку|журналистку|блогершу|жительницу|правозащитницу|женщину|сестру|дочь|мать|жену)\s+$/iu;

/** A person's gender as the Russian around their mentions says it (verb endings, pronouns, role nouns, surname forms). */
function genderOf(person: Person, sentences: Sentence[], soleIn: (si: number) => boolean): 'm' | 'f' | null {
  let f = 0;
  let m = 0;
  for (const form of person.forms) {
    if (/(?:ой|ою)$/u.test(form)) f += 2;
    if (/(?:ов|ев|ёв|ин|ын)$/u.test(form)) m += 2;
  }
  // The noun just before a mention: "знакомого Т. Жумабаева" (a man), "активистку …" (a woman).
  for (const mention of person.mentions) {
    // The last few words only: read whole, the sentence before each mention made this quadratic.
    const offset = mention.start - sentences[mention.sentence].start;
    const before = sentences[mention.sentence].text.slice(Math.max(0, offset - 80), offset);
    if (MALE_NOUN_BEFORE.test(before)) m += 3;
    if (FEMALE_NOUN_BEFORE.test(before)) f += 3;
  }
  for (const si of new Set(person.mentions.map((x) => x.sentence))) {
    if (!soleIn(si)) continue;
    f += allMatches(FEMALE_CUE, sentences[si].text).length;
    m += allMatches(MALE_CUE, sentences[si].text).length;
  }
  return f > m ? 'f' : m > f ? 'm' : null;
}

// ---------------------------------------------------------------------------------------------
// Extraction

/** `re.test` without the lastIndex a global regex keeps between calls. */
function has(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

const quoteOf = (text: string, start: number, end: number): Quote => ({ start, end, text: text.slice(start, end) });

function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const r = new RegExp(re.source, flags);
  return r.exec(text);
}

function allMatches(re: RegExp, text: string): { index: number; text: string }[] {
  const r = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: { index: number; text: string }[] = [];
  for (let m = r.exec(text); m; m = r.exec(text)) {
    out.push({ index: m.index, text: m[0] });
    if (m[0].length === 0) r.lastIndex++;
  }
  return out;
}

type PlaceMention = { start: number; end: number; place: GazetteerEntry; inCourt: boolean };

function findPlaceMentions(sentence: Sentence, places: readonly GazetteerEntry[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  const words = allMatches(/[\p{Lu}][\p{L}'’-]*/gu, sentence.text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    const pair = next && /^\s$/.test(sentence.text.slice(w.index + w.text.length, next.index)) ? sentence.text.slice(w.index, next.index + next.text.length) : null;
    for (const candidate of [pair, w.text]) {
      if (!candidate || candidate.replace(/[-'’]/g, '').length < 3) continue;
      const match = matchPlaceOnce(candidate, places);
      if (match.length === 0) continue;
      const start = sentence.start + w.index;
      const before = sentence.text.slice(Math.max(0, w.index - 45), w.index);
      const inCourt =
        /\bcourts?\b[^.;]*$|(?<!\p{L})суд\p{L}*[^.;]*$|(?<!\p{L})сот\p{L}*[^.;]*$/iu.test(before) ||
        /^\s*(?:city |district |regional |inter-district )?court\b|^\s*(?:городск|районн|областн)\p{L}* суд/iu.test(sentence.text.slice(w.index + candidate.length));
      out.push({ start, end: start + candidate.length, place: match[0].place, inCourt });
      if (candidate === pair) i++;
      break;
    }
  }
  return out;
}

function dateField(text: string, mention: DateMention, qualifier: DateQualifier, quote?: Quote): Field<DraftDate> | null {
  const on = mention.day ?? mention.month;
  if (!on) return null;
  return { value: { on, qualifier: mention.day ? qualifier : qualifier === 'exact' ? 'exact' : qualifier, asReported: mention.text }, quote: quote ?? quoteOf(text, mention.start, mention.end) };
}

/** Dates of a sentence assigned to its nearest detention or sentencing verb (within 70 characters). */
function datesByVerb(sentence: Sentence, dates: DateMention[], names: { start: number; end: number }[] = []) {
  const sentencing = allMatches(SENTENCE_VERB, sentence.text).map((v) => ({ ...v, kind: 'sentenced' as const }));
  // "арестовал на семь суток" is a sentence, not a detention: a word read as both counts as the sentence.
  const detaining = allMatches(DETENTION_VERB, sentence.text)
    .filter((v) => !sentencing.some((w) => v.index < w.index + w.text.length && w.index < v.index + v.text.length))
    .map((v) => ({ ...v, kind: 'detained' as const }));
  const verbs = [...detaining, ...sentencing];
  const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end);
  const namesInSentence = names.filter((n) => n.start >= sentence.start && n.end <= sentence.end);
  const out: { detained?: DateMention; sentenced?: DateMention } = {};
  const taken = new Set<DateMention>();
  const pairs: { verb: (typeof verbs)[number]; date: DateMention; distance: number }[] = [];
  for (const verb of verbs) {
    const vStart = sentence.start + verb.index;
    const vEnd = vStart + verb.text.length;
    for (const date of inSentence) {
      const [from, to] = date.start >= vEnd ? [vEnd, date.start] : [date.end, vStart];
      // A list of names between the verb and its date does not put them apart ("detained A, B, C and D on May 3").
      const named = namesInSentence.filter((n) => n.start >= from && n.end <= to).reduce((sum, n) => sum + n.end - n.start, 0);
      const distance = to - from - named;
      if (distance >= 0 && distance <= 70) pairs.push({ verb, date, distance: distance + (date.start >= vEnd ? 0 : 5) });
    }
  }
  pairs.sort((a, b) => a.distance - b.distance);
  for (const p of pairs) {
    if (taken.has(p.date) || out[p.verb.kind]) continue;
    out[p.verb.kind] = p.date;
    taken.add(p.date);
  }
  return out;
}

export function extractDrafts(text: string, options: ExtractOptions): Extraction {
  const header = readHeader(text);
  const published = options.published ?? header.published;
  const language = detectLanguage(text.slice(header.bodyStart));
  const sentences = splitSentences(text, header.bodyStart);
  const dates = findDates(text.slice(0, text.length), published).filter((d) => d.start >= header.bodyStart);

  // 1. Names, grouped by person (surname, and first name or initial when two people share a
  //    surname), and which mentions can be a detainee.
  const kazakh = language === 'kk';
  const people = new Map<string, Person>();
  const bySurname = new Map<string, Person[]>();
  const cues = sentences.map((s) => ({
    detention: has(DETENTION_VERB, s.text) || has(SENTENCE_VERB, s.text) || has(CHARGE_CUE, s.text),
  }));
  const taken: { start: number; end: number }[] = [];
  /** The person a name is of: the same surname and first name (an initial matches its name), else a new one. */
  const personFor = (first: string, last: string, initial: boolean): Person => {
    const key = surnameKey(last, kazakh);
    const firstKey = first ? surnameKey(first.replace(/[.\s]/g, '')) : '';
    const same = bySurname.get(key) ?? [];
    const fits = (p: Person) => {
      if (!first || !p.first) return true;
      const pInitial = /\.$/.test(p.first);
      const pKey = surnameKey(p.first.replace(/[.\s]/g, ''));
      if (initial || pInitial) return pKey[0] === firstKey[0];
      return pKey === firstKey;
    };
    const found = same.find(fits);
    if (found) {
      // A full first name says more than an initial or nothing.
      if (first && (!found.first || (/\.$/.test(found.first) && !initial))) found.first = first;
      return found;
    }
    const person: Person = { key: `${key}|${firstKey}`, first, last, forms: [], mentions: [], detainee: false };
    people.set(person.key, person);
    bySurname.set(key, [...same, person]);
    return person;
  };
  const addMention = (si: number, start: number, nameText: string, first: string, last: string, initial: boolean) => {
    const s = sentences[si];
    const end = start + nameText.length;
    if (taken.some((t) => start < t.end && t.start < end)) return;
    taken.push({ start, end });
    const before = text.slice(Math.max(s.start, start - 40), start);
    const after = text.slice(end, Math.min(s.end, end + 40));
    const excluded = has(NOT_DETAINEE_BEFORE, before) || has(NOT_DETAINEE_AFTER, after);
    const person = personFor(first, last, initial);
    person.forms.push(last);
    person.mentions.push({ start, end, text: nameText, key: person.key, sentence: si, excluded });
    if (!excluded && cues[si].detention) person.detainee = true;
  };
  const nameable = (word: string, afterRole: boolean) => !NOT_NAME_WORDS.has(word) && !TITLE_WORDS.has(word) && (afterRole || !isPlaceWord(word, options.places));
  sentences.forEach((s, si) => {
    if (isHeading(s.text)) return;
    NAME_RUN.lastIndex = 0;
    for (let m = NAME_RUN.exec(s.text); m; m = NAME_RUN.exec(s.text)) {
      let words = m[0].split(/\s/);
      let offset = 0;
      // After "activist", "журналиста", a name that is also a place's ("Махамбет") is still a name.
      const afterRole = ROLE_NOUN_BEFORE.test(s.text.slice(Math.max(0, m.index - 30), m.index));
      while (words.length && (NOT_NAME_WORDS.has(words[0]) || TITLE_WORDS.has(words[0]) || (!afterRole && isPlaceWord(words[0], options.places)))) {
        offset += words[0].length + 1;
        words = words.slice(1);
      }
      while (words.length && (NOT_NAME_WORDS.has(words[words.length - 1]) || (!afterRole && isPlaceWord(words[words.length - 1], options.places)))) words = words.slice(0, -1);
      if (words.length < 2 || words.some((w) => NOT_NAME_WORDS.has(w))) continue;
      if (!afterRole && isPlaceWord(words.join(' '), options.places)) continue;
      addMention(si, s.start + m.index + offset, words.join(' '), words[0], words[words.length - 1], false);
    }
    // "A. Serikbayev", "Tokhtarov B.": a surname with initials.
    for (const m of s.text.matchAll(INITIAL_BEFORE)) {
      const surname = m[1];
      if (!nameable(surname, true)) continue;
      addMention(si, s.start + m.index!, m[0], m[0].slice(0, m[0].length - surname.length).trim(), surname, true);
    }
    for (const m of s.text.matchAll(INITIAL_AFTER)) {
      if (!nameable(m[1], true)) continue;
      addMention(si, s.start + m.index!, m[0], m[2], m[1], true);
    }
    // A one-word name where the text says it is one.
    for (const m of s.text.matchAll(SINGLE_NAME)) {
      if (!nameable(m[1], true)) continue;
      const start = s.start + m.index! + m[0].length - m[1].length;
      addMention(si, start, m[1], '', m[1], false);
    }
  });
  // Surname-only mentions of people already named ("Serikbaev pleaded not guilty"); of two people
  // sharing the surname, the one named last before it.
  sentences.forEach((s, si) => {
    const wordRe = /[\p{Lu}][\p{Ll}'’-]+/gu;
    for (let m = wordRe.exec(s.text); m; m = wordRe.exec(s.text)) {
      const same = bySurname.get(surnameKey(m[0], kazakh));
      if (!same?.length) continue;
      const start = s.start + m.index;
      if (same.some((p) => p.mentions.some((x) => start >= x.start && start < x.end))) continue;
      const earlier = (p: Person) => Math.max(-1, ...p.mentions.filter((x) => x.start < start && x.text.includes(' ')).map((x) => x.start));
      const person = same.length === 1 ? same[0] : [...same].sort((a, b) => earlier(b) - earlier(a))[0];
      const before = text.slice(Math.max(s.start, start - 40), start);
      const after = text.slice(start + m[0].length, Math.min(s.end, start + m[0].length + 40));
      const excluded = has(NOT_DETAINEE_BEFORE, before) || has(NOT_DETAINEE_AFTER, after);
      person.forms.push(m[0]);
      person.mentions.push({ start, end: start + m[0].length, text: m[0], key: person.key, sentence: si, excluded: excluded && !/^[,\s]*(said|told)/.test(after) ? excluded : false });
    }
  });
  for (const p of people.values()) p.mentions.sort((a, b) => a.start - b.start);
  // People named in a sentence that reports nothing, when the next one reports a detention or
  // sentence of "them", "each of them", "he": "Court records name them as A, B and C. The court
  // sentenced each of them to five days."
  sentences.forEach((s, si) => {
    if (si === 0 || !(has(DETENTION_VERB, s.text) || has(SENTENCE_VERB, s.text))) return;
    if (!has(GROUP_REFERENT, s.text) && !has(SINGLE_REFERENT, s.text)) return;
    if ([...people.values()].some((p) => p.mentions.some((m) => m.sentence === si && !m.excluded))) return;
    for (const p of people.values()) if (p.mentions.some((m) => m.sentence === si - 1 && !m.excluded)) p.detainee = true;
  });
  const detainees = [...people.values()].filter((p) => p.detainee);

  // 2. Who each sentence is about: the detainees it names, else those of a sentence just before
  //    when it refers back ("they", "the trio", "he"). A sentence that names nobody and refers to
  //    nobody, before the people are named ("Six activists were detained on January 7. … Those
  //    detained were A, B…"), lends its facts to the people named next.
  const about: Person[][] = [];
  const leadFor: number[][] = sentences.map(() => []);
  let focus: Person[] = [];
  let recent: { people: Person[]; at: number } = { people: [], at: -10 };
  let pending: number[] = [];
  sentences.forEach((s, si) => {
    const named = detainees.filter((p) => p.mentions.some((m) => m.sentence === si && !m.excluded));
    const othersNamed = [...people.values()].some((p) => !p.detainee && p.mentions.some((m) => m.sentence === si && !m.excluded));
    const close = si - recent.at <= 2;
    // "Both were charged" after "A was detained. … B was detained.": the group is everyone named in the last sentences.
    const lately = [...new Set(about.slice(Math.max(0, si - 3)).flat())];
    if (named.length) focus = named;
    else if (close && recent.people.length > 1 && has(GROUP_REFERENT, s.text)) focus = recent.people;
    else if (close && recent.people.length === 1 && lately.length > 1 && has(GROUP_REFERENT, s.text) && !has(SINGLE_REFERENT, s.text)) focus = lately;
    else if (close && recent.people.length === 1 && (has(SINGLE_REFERENT, s.text) || has(GROUP_REFERENT, s.text)) && !othersNamed) focus = recent.people;
    else focus = [];
    if (focus.length) {
      if (named.length) {
        leadFor[si] = pending;
        pending = [];
      }
      recent = { people: focus, at: si };
    } else if (!isHeading(s.text) && (has(DETENTION_VERB, s.text) || has(SENTENCE_VERB, s.text))) {
      pending.push(si);
    }
    about.push(focus);
  });

  // 3. Facts per sentence, given to the people it is about (the first fact of each kind wins;
  //    penalties add up across sentences). Facts lent by a lead sentence only fill what is missing.
  type Facts = {
    detained?: Field<DraftDate>;
    sentenced?: Field<DraftDate>;
    sameDay?: Quote;
    place?: Field<DraftPlace>;
    courtPlace?: Field<DraftPlace>;
    charge?: Field<DraftCharge>;
    penalties?: Field<DraftPenalty>[];
    plea?: Field<Plea>;
    court?: Field<string>;
  };
  const factsOf = new Map<Person, Facts>(detainees.map((p) => [p, {}]));
  const nameSpans = [...people.values()].flatMap((p) => p.mentions);
  const sceneFacts: Facts = {};
  let lastCharge: Field<DraftCharge> | null = null;
  const readSentence = (si: number, group: Person[], anchorSentence: number) => {
    const s = sentences[si];
    const byVerb = datesByVerb(s, dates, [...people.values()].flatMap((p) => p.mentions.filter((m) => m.sentence === si)));
    const places = findPlaceMentions(s, options.places).filter((pl) => !nameSpans.some((n) => pl.start < n.end && n.start < pl.end));
    const charges = findCharges(s.text, options.charges);
    const sameCharge = charges.length === 0 && lastCharge && has(SAME_CHARGE, s.text) ? lastCharge : null;
    const penalties = findPenalties(s.text);
    const sameDay = firstMatch(SAME_DAY, s.text);
    const notGuilty = firstMatch(PLEA_NOT_GUILTY, s.text);
    const guilty = notGuilty ? null : firstMatch(PLEA_GUILTY, s.text);
    const court = /court|суд|сот/iu.test(s.text) ? firstMatch(COURT, s.text) : null;
    // Penalties said of different people in one sentence ("A to 15 days, while B received 10
    // days") go to the people named before each, back to the previous penalty.
    const mentionAt = (person: Person) => person.mentions.find((m) => m.sentence === anchorSentence && !m.excluded)?.start ?? -1;
    // Each penalty belongs to the person named nearest it ("jailed A for 12 days, while B was fined").
    const mentionEnd = (person: Person) => person.mentions.find((m) => m.sentence === anchorSentence && !m.excluded)?.end ?? -1;
    const nearest = penalties.map((f) => {
      const at = s.start + f.start;
      const gap = (p: Person) => (mentionAt(p) < 0 ? Infinity : at >= mentionEnd(p) ? at - mentionEnd(p) : Math.max(0, mentionAt(p) - (s.start + f.end)));
      return [...group].sort((a, b) => gap(a) - gap(b))[0];
    });
    const splitPenalties =
      si === anchorSentence &&
      group.length > 1 &&
      penalties.length > 1 &&
      (new Set(nearest).size > 1 || new Set(group.map((p) => penalties.findIndex((f) => s.start + f.start > mentionAt(p)))).size > 1);
    for (const person of group) {
      const facts = factsOf.get(person)!;
      if (byVerb.detained && !facts.detained) facts.detained = dateField(text, byVerb.detained, 'exact') ?? undefined;
      if (byVerb.sentenced && !facts.sentenced) facts.sentenced = dateField(text, byVerb.sentenced, 'exact') ?? undefined;
      if (sameDay && !facts.sameDay) facts.sameDay = quoteOf(text, s.start + sameDay.index, s.start + sameDay.index + sameDay[0].length);
      // The place nearest the person's mention in this sentence (or the first), court cities aside.
      const anchor = mentionAt(person) >= 0 ? mentionAt(person) : s.start;
      const free = places.filter((p) => !p.inCourt).sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor));
      if (free.length && !facts.place) {
        const p = free[0];
        facts.place = { value: { placeId: p.place.id, name: p.place.name, fromCourt: false }, quote: quoteOf(text, p.start, p.end) };
      }
      const courtPlace = places.find((p) => p.inCourt);
      if (courtPlace && !facts.courtPlace) {
        facts.courtPlace = { value: { placeId: courtPlace.place.id, name: courtPlace.place.name, fromCourt: true }, quote: quoteOf(text, courtPlace.start, courtPlace.end) };
      }
      if (charges.length && !facts.charge) {
        const c = charges[0];
        facts.charge = { value: { text: c.text, chargeId: c.chargeId, part: c.part, basis: c.basis }, quote: quoteOf(text, s.start + c.start, s.start + c.end) };
        lastCharge = facts.charge;
      } else if (sameCharge && !facts.charge) {
        facts.charge = sameCharge;
      }
      let own = penalties;
      if (splitPenalties) {
        const mine = penalties.filter((_, k) => nearest[k] === person);
        const at = mentionAt(person);
        const next = penalties.findIndex((f) => s.start + f.start > at);
        own = new Set(nearest).size > 1 && mine.length ? mine : next < 0 ? [penalties[penalties.length - 1]] : [penalties[next]];
      }
      for (const p of own) {
        const list = (facts.penalties ??= []);
        if (list.some((x) => x.value.kind === p.kind)) continue;
        list.push({ value: { kind: p.kind, amount: p.amount, unit: p.unit, asReported: p.text }, quote: quoteOf(text, s.start + p.start, s.start + p.end) });
      }
      const plea = notGuilty ?? guilty;
      if (plea && !facts.plea) facts.plea = { value: notGuilty ? 'not_guilty' : 'guilty', quote: quoteOf(text, s.start + plea.index, s.start + plea.index + plea[0].length) };
      if (court && !facts.court) facts.court = { value: court[0].trim(), quote: quoteOf(text, s.start + court.index, s.start + court.index + court[0].trim().length) };
    }
  };
  sentences.forEach((_, si) => {
    if (about[si].length) readSentence(si, about[si], si);
  });
  // Lead sentences fill in afterwards, so what the naming sentences say comes first.
  sentences.forEach((_, si) => {
    for (const lead of leadFor[si]) readSentence(lead, about[si], si);
  });
  // The scene of the report (dateline, title or first sentence): the place of last resort.
  const scene = [...sentences.slice(0, 2), ...(header.title ? [{ start: text.indexOf(header.title), end: text.indexOf(header.title) + header.title.length, text: header.title }] : [])]
    .filter((s) => s.start >= 0)
    .flatMap((s) => findPlaceMentions(s, options.places))
    .find((p) => !p.inCourt);
  if (scene) sceneFacts.place = { value: { placeId: scene.place.id, name: scene.place.name, fromCourt: false, fromScene: true }, quote: quoteOf(text, scene.start, scene.end) };

  // 4. One draft per detainee.
  const drafts: Draft[] = detainees.map((person) => {
    const facts = factsOf.get(person)!;
    const full = person.mentions.find((m) => m.text.includes(' ')) ?? person.mentions[0];
    let name = full.text;
    if (language === 'kk') {
      // Kazakh declines the surname only: "Айжан Ахметованы" → Айжан Ахметова.
      const words = name.split(' ');
      const at = /\.$/.test(words[words.length - 1]) ? 0 : words.length - 1;
      words[at] = kazakhNominative(words[at]);
      name = words.join(' ');
    } else if (language !== 'en' && /\p{Lu}\./u.test(name)) {
      // With initials only the surname is declined: "Жумабаева Т." → Жумабаев Т. when the text says a man.
      const words = name.split(' ');
      const at = /\.$/.test(words[words.length - 1]) ? 0 : words.length - 1;
      const sole = (si: number) => detainees.filter((p) => p.mentions.some((m) => m.sentence === si && !m.excluded)).length === 1;
      const oblique = isOblique(text.slice(sentences[full.sentence].start, full.start));
      words[at] = russianNominative('', words[at], genderOf(person, sentences, sole), oblique)[1];
      name = words.join(' ');
    } else if (language !== 'en') {
      const words = name.split(' ');
      const sole = (si: number) => detainees.filter((p) => p.mentions.some((m) => m.sentence === si && !m.excluded)).length === 1;
      const oblique = isOblique(text.slice(sentences[full.sentence].start, full.start));
      const [first, last] = russianNominative(words[0], words[words.length - 1], genderOf(person, sentences, sole), oblique);
      name = [first, ...words.slice(1, -1), last].join(' ');
    }
    let detained = facts.detained ?? null;
    if (!detained && facts.sameDay && facts.sentenced) {
      detained = { value: { ...facts.sentenced.value, asReported: facts.sameDay.text }, quote: facts.sameDay };
    }
    if (!detained && facts.sentenced) {
      detained = { value: { ...facts.sentenced.value, qualifier: 'on_or_before' }, quote: facts.sentenced.quote };
    }
    if (!detained && published) {
      detained = { value: { on: published.length >= 7 ? published.slice(0, published.length === 4 ? 4 : published.length) : published, qualifier: 'on_or_before', asReported: null }, quote: null };
    }
    const place = facts.place ?? facts.courtPlace ?? sceneFacts.place ?? null;
    return {
      name: { value: name, quote: quoteOf(text, full.start, full.end) },
      mentions: person.mentions.filter((m) => !m.excluded).map((m) => quoteOf(text, m.start, m.end)),
      place,
      detained: detained ?? { value: { on: '', qualifier: 'unknown', asReported: null }, quote: null },
      sentenced: facts.sentenced ?? null,
      charge: facts.charge ?? null,
      penalties: facts.penalties ?? [],
      plea: facts.plea ?? { value: 'unknown', quote: null },
      court: facts.court ?? null,
    };
  });
  return { language, header: { ...header, published }, drafts };
}
