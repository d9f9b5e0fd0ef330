import { describe, expect, it } from 'vitest';
import { createUserInput } from './schema';

const messages = (password: string) => {
  const r = createUserInput.safeParse({ email: 'new@example.org', name: 'New', role: 'researcher', password });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("a new account's password", () => {
  it('is refused when blank, only spaces, or made of too few different characters', () => {
    expect(messages('')).toEqual(['errors.passwordLength']);
    expect(messages(' '.repeat(12))).toEqual(['errors.passwordBlank']);
    expect(messages('\t \n'.repeat(5))).toEqual(['errors.passwordBlank']);
    expect(messages('a'.repeat(12))).toEqual(['errors.passwordSimple']);
    expect(messages('abcabcabcabc')).toEqual(['errors.passwordSimple']);
  });

  it('is refused past 256 characters (1,024 bytes for argon2 and the sign-in form)', () => {
    expect(messages('correct horse battery staple '.repeat(9))).toEqual(['errors.tooLong']);
  });

  it('may be a passphrase with spaces, in any script', () => {
    expect(messages('correct horse battery staple')).toEqual([]);
    expect(messages('  Серікбаев ұлы 2021  ')).toEqual([]);
  });
});
