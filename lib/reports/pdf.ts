/**
 * The observers' report and the one-record report as PDFs. Pure functions of their input (text
 * already translated, charts already drawn as SVG), so they are tested without a database or a server.
 *
 * Tagged (PDF 1.7, a structure tree of headings, paragraphs, a table and figures with alt text,
 * the document language, the title shown instead of the file name), as far as PDFKit allows:
 * rules, stamps' bars, repeated table headers and page numbers are marked as artifacts.
 *
 * DejaVu Sans is embedded because it carries the Kazakh letters (ә ғ қ ң ө ұ ү һ і) as well as
 * Russian Cyrillic: names appear as written, never as empty boxes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportChart } from './charts';

export type ReportRowSource = {
  title: string;
  url: string;
  /** Publisher, publication date and access date, in words ("Radio Azattyq; published 2021-01-05; accessed 2021-01-06"), or null when none is known. */
  details: string | null;
  /** The first capture's time and SHA-256, in words, or null when never captured. */
  archived: string | null;
};

export type ReportRow = {
  /** The row's number in this file (not a database id). */
  no: number;
  activist: string;
  /** Another spelling (Cyrillic), shown under the name. */
  activistOther: string | null;
  city: string;
  detained: string;
  charge: string;
  sentence: string;
  plea: string;
  /** Words stamped on the row ("RESTRICTED", "DRAFT"): a record not for sharing. Empty for the rest. */
  stamps: string[];
  /** Public notes, printed under the row. */
  notes: string | null;
  /** Internal notes (one-record PDF only, for a reader allowed them), printed under the row with their own label. */
  internalNotes?: string | null;
  link: string;
  sources: ReportRowSource[];
};

/** The document's metadata: the info dictionary and the cover's "about this file" block. */
export type PdfMeta = {
  title: string;
  /** BCP 47 language of the text (en, kk, ru). */
  lang: string;
  subject: string;
  keywords: string;
  /** The generation time, also the info dictionary's CreationDate. */
  now: Date;
  /** Extra info dictionary keys (DatasetVersion, DatasetSHA256, Filters, Rows, AppVersion…). */
  info: Record<string, string>;
  /** [label, value] lines of the cover's "about this file" block. */
  about: [string, string][];
  aboutTitle: string;
  /** Printed in a box on the cover when the file holds records not for sharing. */
  warning: string | null;
};

export type ReportPdfInput = {
  meta: PdfMeta;
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
  internalNotesLabel: string;
  rows: ReportRow[];
  methodologyTitle: string;
  methodology: string;
  pageLabel: (page: number, pages: number) => string;
};

export type RecordPdfInput = {
  meta: PdfMeta;
  title: string;
  generated: string;
  /** The record's fields as [label, value] lines (person, place, dates, charges, penalties, plea). */
  fields: [string, string][];
  stamps: string[];
  notesLabel: string;
  notes: string | null;
  internalNotesLabel: string;
  internalNotes: string | null;
  sourcesTitle: string;
  noSources: string;
  sources: ReportRowSource[];
  linkLabel: string;
  link: string;
  pageLabel: (page: number, pages: number) => string;
};

const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const MARGIN = 50;
const COLOR = { text: '#111111', muted: '#555555', rule: '#bbbbbb', link: '#1a4d80', stamp: '#a4161a' };

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, 'DejaVuSans.ttf')),
    bold: readFileSync(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

type Struct = PDFKit.PDFStructureElement;

/** A tagged A4 document with its metadata, fonts, a root structure element and drawing helpers. */
function openDocument(meta: PdfMeta) {
  const { regular, bold } = loadFonts();
  // font: the embedded TTF from the start, so PDFKit never loads its built-in Helvetica files.
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    font: regular as unknown as string,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    info: { ...meta.info, Title: meta.title, Subject: meta.subject, Keywords: meta.keywords, Creator: 'Detention case tracker', CreationDate: meta.now, ModDate: meta.now },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  /** Content that is decoration, not text (rules, bars): an artifact for assistive technology. */
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact');
    draw();
    doc.endMarkedContent();
  };
  const add = (parent: Struct, type: string, draw: () => void, options: Record<string, string> = {}) => {
    parent.add(doc.struct(type, options, [draw]));
  };
  const heading = (parent: Struct, text: string, level: 'H1' | 'H2' | 'H3' = 'H2') => {
    const size = level === 'H1' ? 18 : level === 'H2' ? 13 : 10;
    if (level !== 'H1') ensureRoom(level === 'H2' ? 40 : 30);
    if (level === 'H2') doc.moveDown(0.8);
    if (level === 'H3') doc.moveDown(0.4);
    add(parent, level, () => doc.font('bold').fontSize(size).fillColor(COLOR.text).text(text, MARGIN, doc.y, { width }));
    if (level === 'H2') doc.moveDown(0.3);
  };
  const para = (parent: Struct, text: string, options: PDFKit.Mixins.TextOptions & { size?: number; color?: string; font?: 'body' | 'bold' } = {}) => {
    const { size = 10, color = COLOR.text, font = 'body', ...rest } = options;
    add(parent, 'P', () => doc.font(font).fontSize(size).fillColor(color).text(text, MARGIN + (rest.indent ? 0 : 0), doc.y, { width, ...rest }));
  };
  /** The cover's "about this file" block and its warning, if any. */
  const about = (parent: Struct) => {
    heading(parent, meta.aboutTitle);
    for (const [label, value] of meta.about) para(parent, `${label}: ${value}`, { size: 9 });
    if (meta.warning) {
      const warning = meta.warning;
      doc.moveDown(0.5);
      const top = doc.y;
      const height = doc.font('bold').fontSize(10).heightOfString(warning, { width: width - 16 }) + 12;
      ensureRoom(height);
      const boxTop = doc.y === top ? top : doc.y;
      artifact(() => doc.rect(MARGIN, boxTop, width, height).lineWidth(1.5).strokeColor(COLOR.stamp).stroke());
      add(parent, 'P', () => doc.font('bold').fontSize(10).fillColor(COLOR.stamp).text(warning, MARGIN + 8, boxTop + 6, { width: width - 16 }));
      doc.x = MARGIN;
      doc.y = boxTop + height + 4;
    }
  };
  /** Page numbers, now that the page count is known; then the file ends. */
  const close = (pageLabel: (page: number, pages: number) => string) => {
    root.end();
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const label = pageLabel(i + 1, range.count);
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font('body').fontSize(8).fillColor(COLOR.muted);
      doc.text(label, MARGIN, doc.page.height - MARGIN + 15, { width, align: 'right', lineBreak: false, height: 10 });
      doc.endMarkedContent();
    }
    doc.end();
    return finished;
  };
  /** A source in full: title and URL (a link), publisher and dates, the archived copy. */
  const source = (parent: Struct, s: ReportRowSource, n: number, indent: number) => {
    add(parent, 'P', () => {
      doc.font('body').fontSize(7.5).fillColor(COLOR.text).text(`${n}. ${s.title} — `, MARGIN + indent, doc.y, { width: width - indent, continued: true });
      doc.fillColor(COLOR.link).text(s.url, { link: s.url, underline: false });
    });
    if (s.details) add(parent, 'P', () => doc.font('body').fontSize(7.5).fillColor(COLOR.muted).text(s.details!, MARGIN + indent + 12, doc.y, { width: width - indent - 12 }));
    if (s.archived) add(parent, 'P', () => doc.font('body').fontSize(7.5).fillColor(COLOR.muted).text(s.archived!, MARGIN + indent + 12, doc.y, { width: width - indent - 12 }));
  };
  return { doc, root, width, bottom, ensureRoom, artifact, add, heading, para, about, close, source };
}

type Kit = ReturnType<typeof openDocument>;

export async function buildReportPdf(input: ReportPdfInput): Promise<Buffer> {
  const kit = openDocument(input.meta);
  const { doc, root, width, ensureRoom, heading, para } = kit;

  // Cover: title, period, when and what (dataset version, rows, filters), any warning.
  const cover = doc.struct('Sect');
  root.add(cover);
  heading(cover, input.title, 'H1');
  doc.moveDown(0.3);
  para(cover, input.generated, { size: 9, color: COLOR.muted });
  para(cover, input.period);
  kit.about(cover);
  heading(cover, input.filtersTitle);
  if (input.filters.length === 0) para(cover, input.noFilters);
  for (const [label, value] of input.filters) para(cover, `${label}: ${value}`);
  cover.end();

  const figures = doc.struct('Sect');
  root.add(figures);
  heading(figures, input.figuresTitle);
  for (const [label, value] of input.figures) para(figures, `${label}: ${value}`);
  for (const breakdown of input.breakdowns) {
    heading(figures, breakdown.title, 'H3');
    const list = doc.struct('L');
    figures.add(list);
    for (const [label, count] of breakdown.lines) {
      const item = doc.struct('LI');
      list.add(item);
      kit.add(item, 'LBody', () => doc.font('body').fontSize(10).fillColor(COLOR.text).text(`${label}: ${count}`, MARGIN, doc.y, { width, indent: 10 }));
      item.end();
    }
    list.end();
  }
  figures.end();

  if (input.charts.length) {
    const charts = doc.struct('Sect');
    root.add(charts);
    heading(charts, input.chartsTitle);
    for (const chart of input.charts) {
      const size = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(chart.svg);
      const [w, h] = size ? [Number(size[1]), Number(size[2])] : [width, 260];
      const scale = Math.min(1, width / w);
      ensureRoom(h * scale + 24);
      heading(charts, chart.title, 'H3');
      const top = doc.y + 4;
      kit.add(charts, 'Figure', () => SVGtoPDF(doc, chart.svg, MARGIN, top, { width: w * scale, height: h * scale, assumePt: true, fontCallback: () => 'body' }), { alt: chart.alt ?? chart.title });
      doc.y = top + h * scale + 10;
      doc.x = MARGIN;
    }
    charts.end();
  }

  drawTable(kit, input);

  const method = doc.struct('Sect');
  root.add(method);
  heading(method, input.methodologyTitle);
  para(method, input.methodology, { align: 'left' });
  method.end();
  return kit.close(input.pageLabel);
}

/** The detentions, one table row each, with their notes and sources (in full) beneath the row. */
function drawTable(kit: Kit, input: ReportPdfInput) {
  const { doc, width, bottom, artifact } = kit;
  const c = input.columns;
  const columns: { label: string; width: number; value: (r: ReportRow) => string }[] = [
    { label: c.no, width: 26, value: (r) => String(r.no) },
    { label: c.activist, width: 109, value: (r) => [...(r.stamps.length ? [r.stamps.join(' · ')] : []), r.activist, ...(r.activistOther ? [r.activistOther] : [])].join('\n') },
    { label: c.city, width: 62, value: (r) => r.city },
    { label: c.detained, width: 62, value: (r) => r.detained },
    { label: c.charge, width: 96, value: (r) => r.charge },
    { label: c.sentence, width: 82, value: (r) => r.sentence },
    { label: c.plea, width: width - 437, value: (r) => r.plea },
  ];
  const pad = 3;
  const section = doc.struct('Sect');
  kit.root.add(section);
  const table = doc.struct('Table');
  /** The header row: tagged the first time, an artifact when repeated on later pages. */
  const drawHeader = (repeat: boolean) => {
    const top = doc.y;
    doc.font('bold').fontSize(8).fillColor(COLOR.text);
    const height = Math.max(...columns.map((col) => doc.heightOfString(col.label, { width: col.width - pad })));
    // Every structure element is a PDF object that must be ended: create one only when it is used.
    const tr = repeat ? null : doc.struct('TR');
    const cells = () => {
      let x = MARGIN;
      for (const col of columns) {
        const left = x;
        const draw = () => doc.font('bold').fontSize(8).fillColor(COLOR.text).text(col.label, left, top, { width: col.width - pad });
        if (tr) tr.add(doc.struct('TH', { scope: 'Column' } as Record<string, string>, [draw]));
        else draw();
        x += col.width;
      }
    };
    if (tr) {
      table.add(tr);
      cells();
      tr.end();
    } else artifact(cells);
    doc.y = top + height + 3;
    artifact(() => doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor(COLOR.text).lineWidth(0.7).stroke());
    doc.y += 3;
  };

  kit.heading(section, input.tableTitle);
  if (input.tableNote) {
    kit.para(section, input.tableNote, { size: 9, color: COLOR.muted });
    doc.moveDown(0.3);
  }
  section.add(table);
  drawHeader(false);
  for (const row of input.rows) {
    doc.font('body').fontSize(8);
    const cellHeight = Math.max(...columns.map((col) => doc.heightOfString(col.value(row), { width: col.width - pad })));
    doc.fontSize(7.5);
    const sourceLines = row.sources.flatMap((s, i) => [`${i + 1}. ${s.title} — ${s.url}`, ...(s.details ? [s.details] : []), ...(s.archived ? [s.archived] : [])]);
    const notes = row.notes ? `${input.notesLabel} ${row.notes}` : null;
    const internal = row.internalNotes ? `${input.internalNotesLabel} ${row.internalNotes}` : null;
    const sourcesHeight = [...(notes ? [notes] : []), ...(internal ? [internal] : []), input.sourcesLabel, ...sourceLines, row.link].reduce(
      (sum, line) => sum + doc.heightOfString(line, { width: width - 12 }),
      0,
    );
    // Keep a row with its sources; a row taller than a page starts on a fresh one and runs over.
    if (doc.y + cellHeight + sourcesHeight + 10 > bottom() && doc.y > MARGIN + 60) {
      doc.addPage();
      drawHeader(true);
    }
    const top = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    let x = MARGIN;
    for (const [i, col] of columns.entries()) {
      const left = x;
      tr.add(
        doc.struct('TD', {}, [
          () => {
            if (i === 1 && row.stamps.length) {
              // The stamp, bold and red, above the name; the rest of the cell as usual.
              doc.font('bold').fontSize(8).fillColor(COLOR.stamp).text(row.stamps.join(' · '), left, top, { width: col.width - pad });
              const rest = [row.activist, ...(row.activistOther ? [row.activistOther] : [])].join('\n');
              doc.font('body').fontSize(8).fillColor(COLOR.text).text(rest, left, doc.y, { width: col.width - pad });
            } else doc.font('body').fontSize(8).fillColor(COLOR.text).text(col.value(row), left, top, { width: col.width - pad });
          },
        ]),
      );
      x += col.width;
    }
    doc.y = top + cellHeight + 2;
    if (row.stamps.length) artifact(() => doc.rect(MARGIN - 6, top, 2.5, cellHeight).fillColor(COLOR.stamp).fill());
    // Notes and sources: one cell of their own row beneath.
    const below = doc.struct('TR');
    table.add(below);
    const cell = doc.struct('TD');
    below.add(cell);
    if (notes) kit.add(cell, 'P', () => doc.font('body').fontSize(7.5).fillColor(COLOR.text).text(notes, MARGIN + 12, doc.y, { width: width - 12 }));
    if (internal) kit.add(cell, 'P', () => doc.font('bold').fontSize(7.5).fillColor(COLOR.stamp).text(internal, MARGIN + 12, doc.y, { width: width - 12 }));
    kit.add(cell, 'P', () => doc.font('body').fontSize(7.5).fillColor(COLOR.muted).text(input.sourcesLabel, MARGIN + 12, doc.y, { width: width - 12 }));
    row.sources.forEach((s, i) => kit.source(cell, s, i + 1, 12));
    kit.add(cell, 'P', () => doc.font('body').fontSize(7.5).fillColor(COLOR.muted).text(row.link, MARGIN + 12, doc.y, { width: width - 12, link: row.link }));
    cell.end();
    below.end();
    tr.end();
    doc.y += 3;
    artifact(() => doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor(COLOR.rule).lineWidth(0.4).stroke());
    doc.y += 4;
  }
  table.end();
  section.end();
}

/** One detention for a lawyer or a family: its fields, notes the reader may see, its sources in full. */
export async function buildRecordPdf(input: RecordPdfInput): Promise<Buffer> {
  const kit = openDocument(input.meta);
  const { doc, root, heading, para } = kit;
  const main = doc.struct('Sect');
  root.add(main);
  heading(main, input.title, 'H1');
  doc.moveDown(0.3);
  para(main, input.generated, { size: 9, color: COLOR.muted });
  if (input.stamps.length) para(main, input.stamps.join(' · '), { font: 'bold', color: COLOR.stamp, size: 12 });
  kit.about(main);
  doc.moveDown(0.5);
  for (const [label, value] of input.fields) {
    kit.ensureRoom(30);
    heading(main, label, 'H3');
    para(main, value);
  }
  if (input.notes) {
    heading(main, input.notesLabel, 'H3');
    para(main, input.notes);
  }
  if (input.internalNotes) {
    heading(main, input.internalNotesLabel, 'H3');
    para(main, input.internalNotes, { color: COLOR.stamp });
  }
  heading(main, input.sourcesTitle);
  if (input.sources.length === 0) para(main, input.noSources);
  input.sources.forEach((s, i) => kit.source(main, { ...s }, i + 1, 0));
  doc.moveDown(0.5);
  kit.add(main, 'P', () => doc.font('body').fontSize(9).fillColor(COLOR.muted).text(`${input.linkLabel} ${input.link}`, MARGIN, doc.y, { width: kit.width }));
  main.end();
  return kit.close(input.pageLabel);
}
