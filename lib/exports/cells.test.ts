import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvLine, neutraliseCell, restoreCell } from './cells';

describe('formula-injection guard', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone, including signs inside the text', () => {
    for (const value of ['Ghadilbek Serikbaev', 'Серікбаев', 'CoAO art. 488', '2021-01-06', 'a=b', "O'Brien", '', ' =leading space'])
      expect(neutraliseCell(value)).toBe(value);
  });

  // Security regression (session 25): only the first character was guarded, but spreadsheets in
  // Russian and Kazakh settings split a CSV on `;` (and tabs), and quoting does not hold there.
  it('also guards a formula after a `;`, tab or line break inside the text', () => {
    const values = ['Ivan Petrov;=1+1', 'near akimat; =HYPERLINK(A1)', 'Released, see\n=1+1;', 'a\t@cmd', 'x;-2+3', "quote;'=b"];
    for (const value of values) {
      const field = csvField(value);
      for (const piece of field.split(/[;\t\r\n]/)) expect(piece.trimStart(), `${JSON.stringify(value)} → ${JSON.stringify(field)}`).not.toMatch(/^[=+\-@]/);
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    }
    expect(neutraliseCell('Almaty;=1+1;')).toBe("Almaty;'=1+1;");
    for (const value of ['plain; text', 'a;b', '2021-01-06; 2021-01-07', 'line one\nline two']) expect(neutraliseCell(value)).toBe(value);
  });

  it('is undone on import, so export then import gives back the text', () => {
    for (const value of ['=1+1', '-minus', '@at', 'plain', "'quoted already", "'=quoted formula", "''two quotes", "'", "'''=x"]) expect(restoreCell(neutraliseCell(value))).toBe(value);
    // Session 25: text typed with a quote before a formula character came back without it.
    expect(neutraliseCell("'=x")).toBe("''=x");
  });
});

describe('CSV fields', () => {
  it('neutralises before quoting', () => {
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('-5')).toBe(`'-5`);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('Court in Aqtobe, room 2')).toBe('"Court in Aqtobe, room 2"');
    expect(csvField('the "Koshe" party')).toBe('"the ""Koshe"" party"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
  });

  it('writes numbers as numbers and blanks as empty', () => {
    expect(csvLine([1, null, 'Астана', 15])).toBe('1,,Астана,15\r\n');
  });

  it('starts the file with a UTF-8 byte order mark for Excel', () => {
    expect(Buffer.from(CSV_BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
