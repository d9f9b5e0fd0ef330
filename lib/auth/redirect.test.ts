import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

/** Each payload, as the browser would resolve it against the app, must stay on the app's host. */
function resolvesOnApp(value: string) {
  const target = new URL(safeRedirectPath(value), 'https://cases.example.org');
  return target.host === 'cases.example.org';
}

describe('redirect after sign-in', () => {
  it('keeps paths on the app, with their query', () => {
    expect(safeRedirectPath('/cases?city=3')).toBe('/cases?city=3');
    expect(safeRedirectPath('/cases/12/edit')).toBe('/cases/12/edit');
  });

  it('refuses every way the probe found to name another host', () => {
    const payloads = [
      '/\t/evil.example', // callbackUrl=%2F%09%2Fevil.example
      '/\n/evil.example',
      '/./\t/evil.example',
      '/.//evil.example',
      '/.\\evil.example',
      '/.\\/evil.example',
      '/\\evil.example',
      '//evil.example',
      '\\\\evil.example',
      ' //evil.example',
      'https://evil.example/cases',
      'javascript:alert(1)',
      '/%2F/evil.example',
      '/%09/evil.example',
    ];
    for (const payload of payloads) {
      expect(resolvesOnApp(payload), payload).toBe(true);
      expect(safeRedirectPath(payload).startsWith('//'), payload).toBe(false);
    }
    expect(safeRedirectPath('https://evil.example/cases')).toBe('/cases');
    expect(safeRedirectPath('/\t/evil.example')).toBe('/cases');
  });

  it('falls back for nothing, non-strings, and pages that make no sense after sign-in', () => {
    expect(safeRedirectPath(null)).toBe('/cases');
    expect(safeRedirectPath('')).toBe('/cases');
    expect(safeRedirectPath('/login')).toBe('/cases');
    expect(safeRedirectPath('/api/auth/signout')).toBe('/cases');
  });
});
