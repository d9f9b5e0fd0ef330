import { describe, expect, it } from 'vitest';
import { MAX_READABLE_DEPTH, readableText } from './readable';

const nested = (depth: number, inner: string) => `<html><head><title>Report</title></head><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`;
const article = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the report on the detentions before the election, long enough to count as text.</p>`).join('');

describe('readable text', () => {
  // Security regression (session 25): Readability's time grows with the cube of the nesting depth;
  // a page of 5,000 nested <div>s held the server for about three minutes when it was captured
  // (this file's test timeout, 30 s, is what fails without the fix).
  it('keeps the plain text of a page nested deeper than Readability is given, without running it', () => {
    const result = readableText(nested(5_000, 'text '.repeat(100)), 'https://example.org/');
    expect(result).toEqual({ title: 'Report', text: 'text '.repeat(100).trim() });
  });

  it('still reads an article nested as real pages are', () => {
    const result = readableText(nested(MAX_READABLE_DEPTH - 10, `<article><h1>Report</h1>${article}</article>`), 'https://example.org/');
    expect(result?.text).toContain('Paragraph 5 of the report');
    expect(result?.text.split('\n\n').length).toBeGreaterThan(1);
  });
});
