import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicOrigin } from './origin';

describe('public origin of record links', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the host the reader used, not the one the server listens on', () => {
    vi.stubEnv('APP_URL', '');
    vi.stubEnv('AUTH_URL', '');
    expect(publicOrigin(new Request('http://localhost:3000/cases/export', { headers: { host: 'cases.example.org:8080' } }))).toBe('http://cases.example.org:8080');
    expect(publicOrigin(new Request('http://localhost:3000/x', { headers: { 'x-forwarded-host': 'cases.example.org', 'x-forwarded-proto': 'https' } }))).toBe('https://cases.example.org');
  });

  it('is APP_URL when set', () => {
    vi.stubEnv('APP_URL', 'https://tracker.example.org/some/path');
    expect(publicOrigin(new Request('http://localhost:3000/x', { headers: { host: 'evil.example' } }))).toBe('https://tracker.example.org');
  });
});
