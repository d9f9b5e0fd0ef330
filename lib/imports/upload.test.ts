import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, parseImportCsv } from './csv';
import { readUpload } from './upload';

const URL_ = 'http://localhost/cases/import/upload';

function multipart(content: string | Uint8Array, name = 'cases.csv') {
  const form = new FormData();
  form.set('file', new File([content as BlobPart], name, { type: 'text/csv' }));
  return new Request(URL_, { method: 'POST', body: form });
}

/** A body sent in 64 KB chunks, counting how much of it was read. */
function streamed(size: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return new Request(URL_, { method: 'POST', body, headers: { 'content-type': 'text/csv' }, duplex: 'half' } as RequestInit);
}

describe('reading an import upload', () => {
  it('reads the file of a multipart form, with its name, or a CSV sent as the body', async () => {
    expect(await readUpload(multipart('activist,city\r\nА,B\r\n'))).toEqual({ ok: true, fileName: 'cases.csv', text: 'activist,city\r\nА,B\r\n' });
    expect(await readUpload(new Request(URL_, { method: 'POST', body: 'a,b\r\n', headers: { 'content-type': 'text/csv' } }))).toMatchObject({ ok: true, text: 'a,b\r\n' });
  });

  it("answers a file over the limit with the app's own message, whatever the transport", async () => {
    expect(await readUpload(multipart(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)))).toEqual({ ok: false, error: 'fileTooLarge' });
    expect(await readUpload(streamed(12 * 1024 * 1024))).toEqual({ ok: false, error: 'fileTooLarge' });
    expect(await readUpload(multipart(new Uint8Array(MAX_IMPORT_BYTES).fill(0x61)))).toMatchObject({ ok: true });
  });

  it('refuses a form without a file, and an empty file', async () => {
    expect(await readUpload(new Request(URL_, { method: 'POST', body: new FormData() }))).toEqual({ ok: false, error: 'noFile' });
    expect(await readUpload(multipart(''))).toEqual({ ok: false, error: 'noFile' });
  });

  it(`takes up to ${MAX_IMPORT_ROWS} rows`, () => {
    const file = (rows: number) => 'activist\r\n' + 'x\r\n'.repeat(rows);
    expect(parseImportCsv(file(MAX_IMPORT_ROWS))).toMatchObject({ ok: true });
    expect(parseImportCsv(file(MAX_IMPORT_ROWS + 1))).toEqual({ ok: false, error: 'imports.errors.fileTooManyRows' });
  });

  // Security regression (session 25): each row got a value for every header column, so a 2 MB file
  // with a header of 341,000 names and 2,000 one-cell rows ran the server out of memory.
  it(`refuses a header of more than ${MAX_IMPORT_COLUMNS} columns at once`, () => {
    const header = Array.from({ length: 341_000 }, (_, i) => `c${i}`).join(',');
    expect(parseImportCsv(`${header}\r\n${'x\r\n'.repeat(MAX_IMPORT_ROWS)}`)).toEqual({ ok: false, error: 'imports.errors.fileTooManyColumns' });
    const wide = Array.from({ length: MAX_IMPORT_COLUMNS }, (_, i) => (i === 0 ? 'activist' : `c${i}`)).join(',');
    expect(parseImportCsv(`${wide}\r\nx\r\n`)).toMatchObject({ ok: true, rows: [{ values: { activist: 'x' } }] });
  });
});
