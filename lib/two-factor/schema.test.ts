import { describe, expect, it } from 'vitest';
import { disableInput, refusalFormState, resetInput, rolePolicyInput } from './schema';

describe('two-factor form inputs', () => {
  it('keeps a password exactly as typed and requires it', () => {
    expect(disableInput.parse({ password: '  spaced  ', code: ' 123 456 ' })).toEqual({ password: '  spaced  ', code: '123 456' });
    expect(disableInput.safeParse({ code: '123456' }).success).toBe(false);
    expect(resetInput.safeParse({ password: 'x', userId: 'abc' }).success).toBe(false);
  });

  it('accepts only known roles for the policy', () => {
    expect(rolePolicyInput.parse({ requireTwoFactor: ['admin', 'monitor'] })).toEqual({ requireTwoFactor: ['admin', 'monitor'] });
    expect(rolePolicyInput.safeParse({ requireTwoFactor: ['superuser'] }).success).toBe(false);
  });

  it('puts a refusal beside the field it concerns', () => {
    expect(refusalFormState({ reason: 'password' })).toEqual({ errors: { password: ['twoFactor.errors.password'] } });
    expect(refusalFormState({ reason: 'code' })).toEqual({ errors: { code: ['twoFactor.errors.code'] } });
    expect(refusalFormState({ reason: 'throttled' })).toEqual({ formError: 'twoFactor.errors.throttled' });
  });
});
