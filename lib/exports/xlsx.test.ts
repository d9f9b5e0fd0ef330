import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowXml, XlsxWriter, xmlText, type XlsxCell } from './xlsx';

async function write(sheets: Record<string, XlsxCell[][]>) {
  const chunks: Uint8Array[] = [];
  const book = new XlsxWriter(Object.keys(sheets), (c) => chunks.push(c), (e) => {
    throw e;
  });
  Object.values(sheets).forEach((rows, i) => {
    if (i > 0) book.nextSheet();
    for (const row of rows) book.row(row);
  });
  book.end();
  return Buffer.concat(chunks);
}

async function read(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('the streaming XLSX writer', () => {
  it('writes text and numbers a spreadsheet reads back, in place, whatever the text holds', async () => {
    const nasty = ['<b>&amp;</b> "quoted" \'single\'', 'Қазақ тілі — «кавычки»', 'line\nbreak\ttab', 'emoji 👩🏽‍⚖️', '   spaced   ', '_x0041_'];
    const bytes = await write({ Detentions: [['id', 'text', 'amount'], [1, nasty[0], 30.5], [2, null, 7], ...nasty.slice(1).map((t, i) => [i + 3, t, null])], 'Meta: [x]': [['key', 'value']] });
    const workbook = await read(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Detentions', 'Meta   x ']);
    const sheet = workbook.getWorksheet('Detentions')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 1, nasty[0], 30.5]);
    // An empty cell stays empty and the next one stays in its column.
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.getRow(3).getCell(3).value).toBe(7);
    expect(nasty.slice(1).map((_, i) => sheet.getRow(i + 4).getCell(2).value)).toEqual(nasty.slice(1));
  });

  it('replaces characters XML cannot carry, so one stray control character does not break the file', async () => {
    expect(xmlText('a\u0001b\u001Fc\u0008')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(xmlText('lone \uD800 surrogate')).toBe('lone \uFFFD surrogate');
    expect(xmlText('tab\tand\r\nlines')).toBe('tab\tand\r\nlines');
    const workbook = await read(await write({ S: [['bell\u0007here']] }));
    expect(workbook.getWorksheet('S')!.getCell('A1').value).toBe('bell\uFFFDhere');
  });

  it('names columns past Z as spreadsheets do', () => {
    const cells = Array.from({ length: 60 }, (_, i) => i);
    const xml = rowXml(7, cells);
    for (const ref of ['A7', 'Z7', 'AA7', 'AZ7', 'BA7', 'BH7']) expect(xml).toContain(`r="${ref}"`);
  });

  it('hands on compressed bytes while rows are still being written (memory stays flat)', async () => {
    let received = 0;
    const book = new XlsxWriter(['Big'], (c) => (received += c.length), (e) => {
      throw e;
    });
    for (let i = 0; i < 20000; i++) book.row([i, `row ${i} with some text to compress`, i * 1.5]);
    book.flush();
    const beforeEnd = received;
    book.end();
    expect(beforeEnd).toBeGreaterThan(received / 2);
  });
});
