/**
 * Charges as reports word them, in English, Russian and Kazakh: where the charge text is (after
 * "charged with", "found guilty of", "обвиняется в", "по статье"), the article and part when the
 * report states them, and otherwise the vocabulary entry the wording most likely means (marked
 * "inferred": the monitor confirms it).
 */

/** A charge of the vocabulary, as the charges table holds it. */
export type VocabularyCharge = { id: number; slug: string; code: 'administrative' | 'criminal'; article: string; name: string; nameKk: string | null; nameRu: string | null };

export type ChargeFinding = {
  start: number;
  end: number;
  /** The charge as reported, without the quotation marks. */
  text: string;
  chargeId: number | null;
  part: string | null;
  basis: 'stated' | 'inferred' | null;
};

/** Wordings of each seeded article, in the three languages; a report naming none gets no article. */
export const CHARGE_PHRASINGS: { slug: string; code: 'administrative' | 'criminal'; article: string; patterns: RegExp[] }[] = [
  { slug: 'cc-405', code: 'criminal', article: '405', patterns: [/banned (group|organi[sz]ation|movement|party|association)/i, /extremist (group|organi[sz]ation)/i, /запрещ\p{L}* (организац|объединени|групп|партии|движени)/iu, /экстремист/iu, /тыйым салынған/iu] },
  { slug: 'cc-174', code: 'criminal', article: '174', patterns: [/(inciting|incitement|stirring up)[\w\s]{0,30}(discord|hatred|strife)/i, /розн/iu, /араздық/iu] },
  { slug: 'cc-274', code: 'criminal', article: '274', patterns: [/false information/i, /ложн\p{L}* информаци/iu, /жалған ақпарат/iu] },
  { slug: 'cc-272', code: 'criminal', article: '272', patterns: [/(mass )?riots?\b/i, /беспорядк/iu, /тәртіпсіздік/iu] },
  { slug: 'coao-667', code: 'administrative', article: '667', patterns: [/disobe(y|ying|dience)/i, /неповиновени/iu, /бағынбау/iu] },
  { slug: 'coao-489', code: 'administrative', article: '489', patterns: [/unregistered/i, /public association/i, /незарегистрир/iu, /общественн\p{L}* объединени/iu] },
  {
    slug: 'coao-488',
    code: 'administrative',
    article: '488',
    patterns: [
      /(public (event|gathering|assembl)|rall(y|ies)|protests?|assembl(y|ies)|picket|demonstration|gathering|march)/i,
      /(митинг|собрани|публичн\p{L}* мероприяти|акци|пикет|шестви|протест)/iu,
      /(жиналыс|митинг|шеру|наразылық)/iu,
    ],
  },
];

const QUOTED = '(?:"([^"]{3,200})"|“([^”]{3,200})”|«([^»]{3,200})»|„([^“”]{3,200})[“”])';
const UNQUOTED = '([^,.;:()"«»“”]{3,120})';

/** Phrases that introduce a charge, then the charge (quoted, or up to the end of the clause). */
const GERUND = '(?:taking|calling|participating|organi[sz]ing|inciting|spreading|violating|disobeying|holding|distributing|attempting|insulting|posting|joining|staging|leading|financing|disseminating|failing)';

const INTRODUCERS: RegExp[] = [
  new RegExp(`\\bfor (?:allegedly )?${QUOTED}`, 'gi'),
  new RegExp(`\\b(?:for|of) (?:allegedly )?(${GERUND}\\b[^,.;:()"«»“”]{3,120})`, 'gi'),
  new RegExp(`(?<!\\p{L})призна\\p{L}* (?:\\p{L}+ ){0,3}?виновн\\p{L}* в\\s*${QUOTED}`, 'giu'),
  new RegExp(`(?<!\\p{L})призна\\p{L}* (?:\\p{L}+ ){0,3}?виновн\\p{L}* в\\s+${UNQUOTED}`, 'giu'),
  new RegExp(`\\b(?:charged with|accused of|found guilty of|convicted of|guilty of|on (?:a )?charges? of|charges? of|prosecuted for|punished for|for allegedly)\\s+${QUOTED}`, 'gi'),
  new RegExp(`\\b(?:charged with|accused of|found guilty of|convicted of|on (?:a )?charges? of|prosecuted for|for allegedly)\\s+${UNQUOTED}`, 'gi'),
  new RegExp(`(?<!\\p{L})(?:обвин\\p{L}* в|по обвинению в|признан\\p{L}* виновн\\p{L}* в|по статье[^«"]{0,80}?|по делу о|за)\\s*${QUOTED}`, 'giu'),
  new RegExp(`(?<!\\p{L})(?:обвин\\p{L}* в|по обвинению в|признан\\p{L}* виновн\\p{L}* в|по делу о)\\s+${UNQUOTED}`, 'giu'),
  // "за участие в несанкционированном митинге": the Russian nouns of the English gerunds above.
  new RegExp(`(?<!\\p{L})за\\s+((?:участи|организаци|призыв|распространени|нарушени|неповиновени|проведени|подстрекательств|разжигани|оскорблени|финансировани|пропаганд)\\p{L}*[^,.;:()"«»“”]{3,120})`, 'giu'),
  new RegExp(`${QUOTED}\\s*(?:деген|бабы|айып)`, 'giu'),
];

/** "article 488, part 6", "part 6 of article 488", "ст. 488 ч. 6", "статьи 405", "488-баптың 6-бөлігі". */
const ARTICLE_PATTERNS: RegExp[] = [
  /\bpart (\d{1,2}) of article (\d{3})/gi,
  /\barticle (\d{3})(?:,? part (\d{1,2}))?/gi,
  /(?<!\p{L})ч(?:асти|\.|асть)\s?(\d{1,2}) ст(?:атьи|\.)\s?(\d{3})/giu,
  /(?<!\p{L})ст(?:атьи|атье|атья|атью|\.)\s?(\d{3})(?:,? ч(?:асти|\.|асть)\s?(\d{1,2}))?/giu,
  /(\d{3})-бап\p{L}*(?:\s(\d{1,2})-бөлі\p{L}*)?/giu,
];

const CRIMINAL = /(criminal|УК|Уголовн|уголовн|Қылмыстық|қылмыстық)/u;
const ADMINISTRATIVE = /(administrative|КоАП|об административных|[Әә]кімшілік)/u;

/** The vocabulary entry a wording most likely means (first pattern that fits, most specific first). */
export function inferCharge(text: string, vocabulary: readonly VocabularyCharge[]): VocabularyCharge | null {
  for (const entry of CHARGE_PHRASINGS) {
    if (entry.patterns.some((p) => p.test(text))) {
      const found = vocabulary.find((v) => v.slug === entry.slug) ?? vocabulary.find((v) => v.code === entry.code && v.article === entry.article);
      if (found) return found;
    }
  }
  return null;
}

function statedArticle(sentence: string, vocabulary: readonly VocabularyCharge[]): { charge: VocabularyCharge; part: string | null } | null {
  for (const re of ARTICLE_PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(sentence);
    if (!m) continue;
    const partFirst = re === ARTICLE_PATTERNS[0] || re === ARTICLE_PATTERNS[2];
    const article = partFirst ? m[2] : m[1];
    const part = (partFirst ? m[1] : m[2]) ?? null;
    const code = CRIMINAL.test(sentence) ? 'criminal' : ADMINISTRATIVE.test(sentence) ? 'administrative' : null;
    const matches = vocabulary.filter((v) => v.article === article && (code === null || v.code === code));
    if (matches.length === 1) return { charge: matches[0], part };
  }
  return null;
}

/** The charges a sentence reports (start/end relative to the sentence). */
export function findCharges(sentence: string, vocabulary: readonly VocabularyCharge[]): ChargeFinding[] {
  const out: ChargeFinding[] = [];
  const stated = statedArticle(sentence, vocabulary);
  for (const re of INTRODUCERS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const text = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim().replace(/[,.;]+$/, '');
      if (!text || /^(his|her|their|the|a|an|it)$/i.test(text)) continue;
      const start = m.index + m[0].indexOf(text);
      if (out.some((o) => start < o.end && start + text.length > o.start)) continue;
      const inferred = stated ? null : inferCharge(text, vocabulary);
      out.push({
        start,
        end: start + text.length,
        text,
        chargeId: stated?.charge.id ?? inferred?.id ?? null,
        part: stated?.part ?? null,
        basis: stated ? 'stated' : inferred ? 'inferred' : null,
      });
    }
  }
  if (out.length === 0 && stated) {
    const m = ARTICLE_PATTERNS.map((re) => ((re.lastIndex = 0), re.exec(sentence))).find(Boolean)!;
    // "статье 488 КоАП", "Article 405 of the Criminal Code": the code's name belongs to the charge text.
    const code = /^\s*(?:КоАП(?: РК)?|УК(?: РК)?|Уголовного кодекса|of the (?:Criminal Code|Code of Administrative Offences)|CoAO|ӘҚБтК|ҚК)/u.exec(sentence.slice(m.index + m[0].length));
    const end = m.index + m[0].length + (code?.[0].length ?? 0);
    out.push({ start: m.index, end, text: sentence.slice(m.index, end), chargeId: stated.charge.id, part: stated.part, basis: 'stated' });
  }
  return out.sort((a, b) => a.start - b.start);
}
