import { describe, expect, it } from 'vitest';
import { publicOrigin } from './origin';

describe('public origin of record links', () => {
  it('is the host the reader used, not the one the server listens on', () => {
    expect(publicOrigin(new Request('http://localhost:3000/cases/export', { headers: { host: 'cases.example.org:8080' } }), '')).toBe('http://cases.example.org:8080');
    expect(publicOrigin(new Request('http://localhost:3000/x', { headers: { 'x-forwarded-host': 'cases.example.org', 'x-forwarded-proto': 'https' } }), '')).toBe('https://cases.example.org');
  });

  it('is APP_URL when set', () => {
    expect(publicOrigin(new Request('http://localhost:3000/x', { headers: { host: 'evil.example' } }), 'https://tracker.example.org/some/path')).toBe('https://tracker.example.org');
  });
});
