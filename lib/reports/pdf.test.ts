import { describe, expect, it } from 'vitest';
import { barChartSvg, renderReportCharts, topTallies } from './charts';
import { buildRecordPdf, buildReportPdf, type PdfMeta, type ReportPdfInput, type ReportRow } from './pdf';
import { pdfText } from './pdf-text';

const row = (id: number, activist: string, url: string, stamps: string[] = []): ReportRow => ({
  no: id,
  stamps,
  activist,
  activistOther: id === 1 ? 'Ғаділбек Серікбаев' : null,
  city: id === 2 ? 'Aktobe Region (Region only)' : 'Astana',
  detained: id === 2 ? 'on or before 2019-03-18' : '2021-01-06',
  charge: 'CoAO art. 488(3) (stated by the source): calling for protests — Convicted\nCoAO art. 489 (inferred by the monitor) — Dropped',
  sentence: 'Fine, 135 USD; Fine, 30 MCI',
  plea: 'Not guilty',
  notes: id === 1 ? 'Released after the appeal hearing.' : null,
  link: `https://cases.example.org/cases/${id}`,
  sources: [
    {
      title: 'Kazakh Activists Warn Of Crackdown',
      url,
      details: id === 1 ? 'Publisher: Radio Azattyq; published 2021-01-05; accessed 2021-01-06' : null,
      archived: id === 1 ? 'First captured 2021-01-05 08:30:00 UTC, SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' : null,
    },
  ],
});

const meta: PdfMeta = {
  title: 'Detentions of activists around the Mazhilis election 2021 — Period: 2021-01-04 to 2021-01-06',
  lang: 'en',
  subject: 'Detentions of activists',
  keywords: 'detentions; activists',
  now: new Date('2021-01-20T10:00:00Z'),
  info: { DatasetVersion: 'abcdef012345', DatasetSHA256: 'abcdef012345'.padEnd(64, '0'), Rows: '2' },
  aboutTitle: 'About this file',
  about: [['Dataset version', 'abcdef012345'], ['Records', '2 matching']],
  warning: null,
};

function input(rows: ReportRow[]): ReportPdfInput {
  return {
    meta,
    title: 'Detentions of activists: report',
    generated: 'Generated 2021-01-20 10:00 UTC.',
    period: 'Period: 2021-01-04 to 2021-01-06',
    filtersTitle: 'Filters',
    filters: [['City', 'Astana']],
    noFilters: 'None',
    figuresTitle: 'Key figures',
    figures: [['Detentions', String(rows.length)], ['Days of administrative arrest (total)', '36']],
    breakdowns: [{ title: 'By city', lines: [['Ақтөбе', 3], ['Astana', 1]] }],
    chartsTitle: 'Charts',
    charts: renderReportCharts(
      { byCity: [{ label: 'Ақтөбе', count: 3 }, { label: 'Astana', count: 1 }], byCharge: [{ label: 'CoAO art. 488', count: 4 }] },
      { byCity: 'Detentions by city', byCharge: 'Detentions by charge', other: 'Other' },
    ),
    tableTitle: 'Detentions and their sources',
    tableNote: null,
    columns: { no: '#', activist: 'Activist', city: 'Place', detained: 'Detained', charge: 'Charges', sentence: 'Penalties', plea: 'Plea' },
    sourcesLabel: 'Sources:',
    notesLabel: 'Notes:',
    internalNotesLabel: 'Internal notes:',
    rows,
    methodologyTitle: 'Method',
    methodology: 'What is counted, and what is not.',
    pageLabel: (page, pages) => `Page ${page} of ${pages}`,
  };
}

describe('report PDF', () => {
  it('carries Kazakh Cyrillic names as written, every source URL and the public notes', async () => {
    const bytes = await buildReportPdf(input([row(1, 'Әлия Қасымқызы', 'https://www.rferl.org/a/31036601.html'), row(2, 'Berikzhan Toqin', 'https://example.org/b')]));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    for (const expected of ['Detentions of activists: report', 'Әлия Қасымқызы', 'Ғаділбек Серікбаев', 'https://www.rferl.org/a/31036601.html', 'https://example.org/b', 'Kazakh Activists Warn Of Crackdown', 'Ақтөбе: 3', 'Detentions by city', 'Method', 'Page 1 of', 'Notes: Released after the appeal hearing.'])
      expect(text).toContain(expected);
    // The first capture's full SHA-256 is printed under its source, so a reader can check the archived bytes.
    expect(text.replace(/\s+/g, '')).toContain('SHA-2569f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    // Table cells wrap: compare with line breaks read as spaces.
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of ['CoAO art. 488(3) (stated by the source)', 'CoAO art. 489 (inferred by the monitor) — Dropped', 'Fine, 135 USD; Fine, 30 MCI', 'on or before 2019-03-18', 'Aktobe Region (Region only)'])
      expect(flat).toContain(expected);
  });

  it('is a tagged PDF 1.7 with its language, its title shown, the dataset version in its info dictionary, and alt text on its charts', async () => {
    const bytes = await buildReportPdf(input([row(1, 'Әлия Қасымқызы', 'https://example.org/a')]));
    const raw = bytes.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/\/MarkInfo/);
    expect(raw).toMatch(/\/StructTreeRoot/);
    expect(raw).toMatch(/\/Lang \(en\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ['/H1', '/H2', '/Table', '/TR', '/TH', '/TD', '/Figure', '/P']) expect(raw).toContain(`/S ${tag}`);
    // Each chart is a Figure with its alt text (the figures in words).
    expect(raw.match(/\/S \/Figure/g)).toHaveLength(2);
    expect(raw.match(/\/Alt [(<]/g)?.length).toBeGreaterThanOrEqual(2);
    expect(raw).toContain('/Alt (Detentions by charge: CoAO art. 488 4.)');
    const { getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe(meta.title);
    expect((info.Custom as Record<string, string>).DatasetVersion).toBe('abcdef012345');
    expect((info.Custom as Record<string, string>).DatasetSHA256).toHaveLength(64);
  });

  it('stamps a row not for sharing on the row, and prints a source in full', async () => {
    const text = (await pdfText(await buildReportPdf(input([row(1, 'Shared Person', 'https://example.org/a'), row(2, 'Secret Person', 'https://example.org/b', ['RESTRICTED', 'DRAFT'])])))).replace(/\s+/g, ' ');
    expect(text).toContain('RESTRICTED · DRAFT Secret Person');
    expect(text).not.toContain('RESTRICTED · DRAFT Shared Person');
    expect(text).toContain('Publisher: Radio Azattyq; published 2021-01-05; accessed 2021-01-06');
    expect(text).toContain('About this file');
    expect(text).toContain('Dataset version: abcdef012345');
  });

  it('builds a one-record PDF with its stamps, notes and sources', async () => {
    const bytes = await buildRecordPdf({
      meta: { ...meta, warning: 'NOT FOR SHARING' },
      title: 'Detention record: Әлия Қасымқызы',
      generated: 'Generated 2021-01-20 10:00 UTC.',
      fields: [['Activist', 'Әлия Қасымқызы'], ['Detained', '2021-01-06']],
      stamps: ['RESTRICTED'],
      notesLabel: 'Notes:',
      notes: 'Public words',
      internalNotesLabel: 'Internal notes:',
      internalNotes: 'Lawyer: N.',
      sourcesTitle: 'Sources',
      noSources: 'None',
      sources: [{ title: 'Article', url: 'https://example.org/a', details: 'Publisher: X; published 2021-01-05; accessed 2021-01-06', archived: null }],
      linkLabel: 'This record:',
      link: 'https://cases.example.org/cases/1',
      pageLabel: (page, pages) => `Page ${page} of ${pages}`,
    });
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const expected of ['Detention record: Әлия Қасымқызы', 'RESTRICTED', 'NOT FOR SHARING', 'Lawyer: N.', 'https://example.org/a', 'Publisher: X; published 2021-01-05; accessed 2021-01-06', 'Page 1 of 1'])
      expect(text).toContain(expected);
  });

  it('runs the table over as many pages as it needs, with the header on each', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(i + 1, `Person ${i + 1}`, `https://example.org/${i + 1}`));
    const text = await pdfText(await buildReportPdf(input(rows)));
    expect(text).toContain('https://example.org/120');
    const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect(pages).toBeGreaterThan(3);
    expect(text.split('Penalties').length - 1).toBeGreaterThanOrEqual(pages - 2);
  });
});

describe('report charts', () => {
  it('draws one bar per tally as SVG, with its label', () => {
    const svg = barChartSvg([{ label: 'Шымкент', count: 2 }, { label: 'Aktobe', count: 5 }]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Шымкент');
    expect(svg).toContain('Aktobe');
  });

  it('keeps the largest tallies and sums the rest', () => {
    const tallies = Array.from({ length: 15 }, (_, i) => ({ label: `c${i}`, count: i + 1 }));
    const top = topTallies(tallies, 'Other', 5);
    expect(top.map((t) => t.label)).toEqual(['c14', 'c13', 'c12', 'c11', 'Other']);
    expect(top[4].count).toBe(66);
  });
});
