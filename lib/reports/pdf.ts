/**
 * The observers' report as a PDF. A pure function of its input (text already translated, charts
 * already drawn as SVG), so it is tested without a database or a server.
 *
 * DejaVu Sans is embedded because it carries the Kazakh letters (ә ғ қ ң ө ұ ү һ і) as well as
 * Russian Cyrillic: names appear as written, never as empty boxes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportChart } from './charts';

export type ReportRow = {
  id: number;
  activist: string;
  /** Another spelling (Cyrillic), shown under the name. */
  activistOther: string | null;
  city: string;
  detained: string;
  charge: string;
  sentence: string;
  plea: string;
  /** Public notes (never internal ones), printed under the row. */
  notes: string | null;
  link: string;
  /** `archived`: the first capture's time and SHA-256, in words, or null when never captured. */
  sources: { title: string; url: string; archived: string | null }[];
};

export type ReportPdfInput = {
  title: string;
  generated: string;
  period: string;
  filtersTitle: string;
  /** [label, value] pairs; empty when unfiltered (then `noFilters` is printed). */
  filters: [string, string][];
  noFilters: string;
  figuresTitle: string;
  /** Headline figures: [label, value]. */
  figures: [string, string][];
  /** Breakdowns: a title and [label, count] lines. */
  breakdowns: { title: string; lines: [string, number][] }[];
  chartsTitle: string;
  charts: ReportChart[];
  tableTitle: string;
  /** Printed above the table when not every detention is listed. */
  tableNote: string | null;
  columns: { no: string; activist: string; city: string; detained: string; charge: string; sentence: string; plea: string };
  sourcesLabel: string;
  notesLabel: string;
  rows: ReportRow[];
  methodologyTitle: string;
  methodology: string;
  pageLabel: (page: number, pages: number) => string;
};

const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const MARGIN = 50;
const COLOR = { text: '#111111', muted: '#555555', rule: '#bbbbbb', link: '#1a4d80' };

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

export async function buildReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  // font: the embedded TTF from the start, so PDFKit never loads its built-in Helvetica files.
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, font: regular as unknown as string, info: { Title: input.title } });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    ensureRoom(40);
    doc.moveDown(0.8).font('bold').fontSize(13).fillColor(COLOR.text).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.font('body').fontSize(10).fillColor(COLOR.text).text(text, MARGIN, doc.y, { width, ...options });

  // Title page matter.
  doc.font('bold').fontSize(18).fillColor(COLOR.text).text(input.title, { width });
  doc.moveDown(0.3);
  doc.font('body').fontSize(9).fillColor(COLOR.muted).text(input.generated, { width });
  body(input.period);

  heading(input.filtersTitle);
  if (input.filters.length === 0) body(input.noFilters);
  for (const [label, value] of input.filters) body(`${label}: ${value}`);

  heading(input.figuresTitle);
  for (const [label, value] of input.figures) body(`${label}: ${value}`);
  for (const breakdown of input.breakdowns) {
    ensureRoom(30);
    doc.moveDown(0.4).font('bold').fontSize(10).text(breakdown.title, MARGIN, doc.y, { width });
    for (const [label, count] of breakdown.lines) body(`${label}: ${count}`, { indent: 10 });
  }

  if (input.charts.length) {
    heading(input.chartsTitle);
    for (const chart of input.charts) {
      const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(chart.svg);
      const [w, h] = size ? [Number(size[1]), Number(size[2])] : [width, 260];
      const scale = Math.min(1, width / w);
      ensureRoom(h * scale + 24);
      doc.font('bold').fontSize(10).fillColor(COLOR.text).text(chart.title, MARGIN, doc.y, { width });
      const top = doc.y + 4;
      SVGtoPDF(doc, chart.svg, MARGIN, top, { width: w * scale, height: h * scale, assumePt: true, fontCallback: () => 'body' });
      doc.y = top + h * scale + 10;
      doc.x = MARGIN;
    }
  }

  drawTable(doc, input, width, bottom, heading);

  heading(input.methodologyTitle);
  body(input.methodology, { align: 'left' });

  // Page numbers, now that the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const label = input.pageLabel(i + 1, range.count);
    doc.font('body').fontSize(8).fillColor(COLOR.muted);
    doc.text(label, MARGIN, doc.page.height - MARGIN + 15, { width, align: 'right', lineBreak: false, height: 10 });
  }
  doc.end();
  return finished;
}

/** The detentions, one table row each, with their sources (title and URL) beneath the row. */
function drawTable(
  doc: PDFKit.PDFDocument,
  input: ReportPdfInput,
  width: number,
  bottom: () => number,
  heading: (text: string) => void,
) {
  const c = input.columns;
  const columns: { label: string; width: number; value: (r: ReportRow) => string }[] = [
    { label: c.no, width: 30, value: (r) => String(r.id) },
    { label: c.activist, width: 105, value: (r) => (r.activistOther ? `${r.activist}\n${r.activistOther}` : r.activist) },
    { label: c.city, width: 62, value: (r) => r.city },
    { label: c.detained, width: 62, value: (r) => r.detained },
    { label: c.charge, width: 96, value: (r) => r.charge },
    { label: c.sentence, width: 82, value: (r) => r.sentence },
    { label: c.plea, width: width - 437, value: (r) => r.plea },
  ];
  const pad = 3;
  const drawHeader = () => {
    const top = doc.y;
    doc.font('bold').fontSize(8).fillColor(COLOR.text);
    let x = MARGIN;
    const height = Math.max(...columns.map((col) => doc.heightOfString(col.label, { width: col.width - pad })));
    for (const col of columns) {
      doc.text(col.label, x, top, { width: col.width - pad });
      x += col.width;
    }
    doc.y = top + height + 3;
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor(COLOR.text).lineWidth(0.7).stroke();
    doc.y += 3;
  };

  heading(input.tableTitle);
  if (input.tableNote) doc.font('body').fontSize(9).fillColor(COLOR.muted).text(input.tableNote, MARGIN, doc.y, { width }).moveDown(0.3);
  drawHeader();
  for (const row of input.rows) {
    doc.font('body').fontSize(8);
    const cellHeight = Math.max(...columns.map((col) => doc.heightOfString(col.value(row), { width: col.width - pad })));
    doc.fontSize(7.5);
    const sourceLines = row.sources.flatMap((s, i) => [`${i + 1}. ${s.title} — ${s.url}`, ...(s.archived ? [s.archived] : [])]);
    const notes = row.notes ? `${input.notesLabel} ${row.notes}` : null;
    const sourcesHeight = [...(notes ? [notes] : []), input.sourcesLabel, ...sourceLines, row.link].reduce((sum, line) => sum + doc.heightOfString(line, { width: width - 12 }), 0);
    if (doc.y + cellHeight + sourcesHeight + 10 > bottom()) {
      doc.addPage();
      drawHeader();
    }
    const top = doc.y;
    doc.font('body').fontSize(8).fillColor(COLOR.text);
    let x = MARGIN;
    for (const col of columns) {
      doc.text(col.value(row), x, top, { width: col.width - pad });
      x += col.width;
    }
    doc.y = top + cellHeight + 2;
    if (notes) doc.font('body').fontSize(7.5).fillColor(COLOR.text).text(notes, MARGIN + 12, doc.y, { width: width - 12 });
    doc.font('body').fontSize(7.5).fillColor(COLOR.muted).text(input.sourcesLabel, MARGIN + 12, doc.y, { width: width - 12 });
    row.sources.forEach((s, i) => {
      doc.fillColor(COLOR.text).text(`${i + 1}. ${s.title} — `, MARGIN + 12, doc.y, { width: width - 12, continued: true });
      doc.fillColor(COLOR.link).text(s.url, { link: s.url, underline: false });
      if (s.archived) doc.fillColor(COLOR.muted).text(s.archived, MARGIN + 24, doc.y, { width: width - 24 });
    });
    doc.fillColor(COLOR.muted).text(row.link, MARGIN + 12, doc.y, { width: width - 12, link: row.link });
    doc.y += 3;
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor(COLOR.rule).lineWidth(0.4).stroke();
    doc.y += 4;
  }
}
