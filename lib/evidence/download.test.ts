import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CAPTURED_FILE_CSP, evidenceDownloadHeaders, isCapturedFilePath, parseCaptureFileParams } from './download';

const sha256 = createHash('sha256').update('<html><script>alert(1)</script></html>').digest('hex');

describe('handing out a stored capture file', () => {
  it('never lets an archived page render as HTML on the tracker', () => {
    const headers = evidenceDownloadHeaders({ captureId: 7, role: 'response', contentType: 'text/html; charset=utf-8', sha256, size: 38 });
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(headers['Content-Disposition']).toBe('attachment; filename="capture-7-response.html"');
    expect(headers['Content-Security-Policy']).toBe("sandbox; default-src 'none'");
    expect(CAPTURED_FILE_CSP).toMatch(/^sandbox;/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Repr-Digest']).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
  });

  it('keeps the type of documents that run no code, still as attachments', () => {
    expect(evidenceDownloadHeaders({ captureId: 3, role: 'pdf', contentType: 'application/pdf', sha256, size: 1 })).toMatchObject({
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="capture-3-pdf.pdf"',
    });
    expect(evidenceDownloadHeaders({ captureId: 3, role: 'upload', contentType: 'image/svg+xml', sha256, size: 1 })['Content-Type']).toBe('application/octet-stream');
  });

  it('reads the route params, and refuses malformed ones', () => {
    expect(parseCaptureFileParams({ id: '12', captureId: '5', role: 'warc' })).toEqual({ sourceId: 12, captureId: 5, role: 'warc' });
    expect(parseCaptureFileParams({ id: '12', captureId: '5', role: 'passwd' })).toBeNull();
    expect(parseCaptureFileParams({ id: '1e3', captureId: '5', role: 'pdf' })).toBeNull();
    expect(parseCaptureFileParams({ id: '12', captureId: '9999999999', role: 'pdf' })).toBeNull();
  });

  it('knows the download paths, for the proxy to sandbox them', () => {
    expect(isCapturedFilePath('/sources/12/captures/5/response')).toBe(true);
    expect(isCapturedFilePath('/sources/12')).toBe(false);
    expect(isCapturedFilePath('/sources/12/edit')).toBe(false);
  });
});
