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

  it('is undone on import, so export then import gives back the text', () => {
    for (const value of ['=1+1', '-minus', '@at', 'plain', "'quoted already"]) expect(restoreCell(neutraliseCell(value))).toBe(value);
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
