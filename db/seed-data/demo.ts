/**
 * Demo data: three logins and the five detentions reported by RFE/RL in January 2021 (the facts
 * of the article, recorded as a monitor would; none of its sentences). Never loaded in production:
 * only `npm run demo` and the tests seed it.
 */
export const DEMO_USERS = [
  { email: 'admin@example.org', name: 'Demo Admin', role: 'admin', password: 'demo-admin-password' },
  { email: 'monitor@example.org', name: 'Demo Monitor', role: 'monitor', password: 'demo-monitor-password' },
  { email: 'researcher@example.org', name: 'Demo Researcher', role: 'researcher', password: 'demo-researcher-password' },
] as const;

export const REFERENCE_SOURCE = {
  url: 'https://www.rferl.org/a/kazakh-actiivists-elections-crackdown-arrests/31036601.html',
  title: 'Kazakh Activists Warn Of Crackdown As More Jailed Ahead Of Parliamentary Vote',
  publisher: "RFE/RL's Kazakh Service",
  publishedOn: '2021-01',
  language: 'en',
};

/**
 * A demo record as the article reports it. The article never names an article of law: the legal
 * basis of each charge is the monitor's inference and is marked so.
 */
type DemoCase = {
  person: string;
  personRole: 'activist' | 'election_observer';
  city: string;
  placeDetail?: string;
  detained: { on: string; qualifier: 'exact' | 'on_or_before'; asReported: string };
  charge: string;
  chargeText: string;
  outcome: 'convicted' | 'unknown';
  court?: string;
  sentenced?: { on: string; asReported: string };
  arrestDays?: { amount: string; asReported: string };
  plea: 'not_guilty' | 'unknown';
  events?: { kind: 'charged'; on: string; qualifier: 'on_or_before'; asReported: string }[];
  locator: string;
  supports: string[];
};

const aqtobeTrio = (person: string): DemoCase => ({
  person,
  personRole: 'activist',
  city: 'Aktobe',
  detained: { on: '2021-01-04', qualifier: 'exact', asReported: 'detained on January 4 while distributing leaflets' },
  charge: 'coao-488',
  chargeText: 'violating regulations for public events',
  outcome: 'convicted',
  court: 'Court in Aqtobe',
  sentenced: { on: '2021-01-06', asReported: 'sentenced on January 6' },
  arrestDays: { amount: '7', asReported: 'seven days in jail' },
  plea: 'not_guilty',
  locator: 'Paragraphs on the three Aqtobe activists',
  supports: ['person', 'place', 'date', 'charge', 'sentence', 'plea'],
});

export const DEMO_CASES: DemoCase[] = [
  {
    person: 'Ghadilbek Serikbaev',
    personRole: 'election_observer',
    city: 'Astana',
    placeDetail: 'Medical clinic (coronavirus test required of observers)',
    detained: { on: '2021-01-06', qualifier: 'exact', asReported: 'sentenced on January 6 just hours after he was detained' },
    charge: 'coao-488',
    chargeText: 'calling for illegal protests',
    outcome: 'convicted',
    court: 'Court in Nur-Sultan',
    sentenced: { on: '2021-01-06', asReported: 'on January 6' },
    arrestDays: { amount: '15', asReported: '15 days in jail' },
    plea: 'not_guilty',
    locator: 'Opening paragraphs',
    supports: ['person', 'place', 'date', 'charge', 'sentence', 'plea'],
  },
  aqtobeTrio('Aitzhan Temirghaziev'),
  aqtobeTrio('Berikzhan Toqin'),
  aqtobeTrio('Asylkhan Zhaubatyrov'),
  {
    person: 'Nurzhan Mukhammedov',
    personRole: 'activist',
    city: 'Shymkent',
    // The article (January 2021) reports the detention without a date: it happened on or before then.
    detained: { on: '2021-01', qualifier: 'on_or_before', asReported: 'reported in January 2021; no date given' },
    charge: 'cc-405',
    chargeText: 'taking part in the activities of a banned group',
    // Charged, with no word on a trial or a sentence: the outcome is unknown, not "pending".
    outcome: 'unknown',
    plea: 'unknown',
    events: [{ kind: 'charged', on: '2021-01', qualifier: 'on_or_before', asReported: 'charged with "taking part in the activities of a banned group"' }],
    locator: 'Paragraph on Shymkent',
    supports: ['person', 'place', 'charge'],
  },
];
