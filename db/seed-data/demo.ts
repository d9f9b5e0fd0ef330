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

type DemoCase = {
  person: string;
  personCyrillic?: string;
  personRole: 'activist' | 'election_observer';
  city: string;
  placeDetail?: string;
  detainedOn: string;
  charge: string;
  chargeText: string;
  court?: string;
  sentencedOn: string;
  sentenceKind: 'administrative_arrest' | 'pending';
  sentenceAmount?: string;
  plea: 'not_guilty' | 'unknown';
  status: 'sentenced' | 'charged';
  locator: string;
  supports: string[];
};

const aqtobeTrio = (person: string): DemoCase => ({
  person,
  personRole: 'activist',
  city: 'Aktobe',
  detainedOn: '2021-01-04',
  charge: 'coao-488',
  chargeText: 'violating regulations for public events',
  court: 'Court in Aqtobe',
  sentencedOn: '2021-01-06',
  sentenceKind: 'administrative_arrest',
  sentenceAmount: '7',
  plea: 'not_guilty',
  status: 'sentenced',
  locator: 'Paragraphs on the three Aqtobe activists',
  supports: ['person', 'place', 'date', 'charge', 'sentence', 'plea'],
});

export const DEMO_CASES: DemoCase[] = [
  {
    person: 'Ghadilbek Serikbaev',
    personRole: 'election_observer',
    city: 'Astana',
    placeDetail: 'Medical clinic (coronavirus test required of observers)',
    detainedOn: '2021-01-06',
    charge: 'coao-488',
    chargeText: 'calling for illegal protests',
    court: 'Court in Nur-Sultan',
    sentencedOn: '2021-01-06',
    sentenceKind: 'administrative_arrest',
    sentenceAmount: '15',
    plea: 'not_guilty',
    status: 'sentenced',
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
    detainedOn: '',
    charge: 'cc-405',
    chargeText: 'taking part in the activities of a banned group',
    sentencedOn: '',
    sentenceKind: 'pending',
    plea: 'unknown',
    status: 'charged',
    locator: 'Paragraph on Shymkent',
    supports: ['person', 'place', 'charge'],
  },
];
