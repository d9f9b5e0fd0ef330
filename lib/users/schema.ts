import { z } from 'zod';
import { userRole } from '@/db/schema';
import { plainString } from '@/lib/zod-helpers';

export const PASSWORD_MIN_LENGTH = 12;
/**
 * 256 UTF-16 units are at most 1,024 bytes of UTF-8, what argon2 is given and what the sign-in
 * form accepts, so every password that can be set can be typed at sign-in; longer input would only
 * make hashing a cheap way to load the server.
 */
export const PASSWORD_MAX_LENGTH = 256;
const PASSWORD_MIN_DISTINCT = 6;

/**
 * Length alone lets through twelve spaces or "aaaaaaaaaaaa". Spaces inside a passphrase are fine,
 * so the password is not trimmed.
 */
const password = z
  .string({ error: 'errors.passwordLength' })
  .min(PASSWORD_MIN_LENGTH, { error: 'errors.passwordLength', abort: true })
  .max(PASSWORD_MAX_LENGTH, { error: 'errors.tooLong', abort: true })
  .refine((p) => p.trim() !== '', { error: 'errors.passwordBlank', abort: true })
  .refine((p) => new Set(p).size >= PASSWORD_MIN_DISTINCT, { error: 'errors.passwordSimple' });

export const createUserInput = z.object({
  email: plainString().trim().toLowerCase().email({ error: 'errors.email' }).max(320, { error: 'errors.tooLong' }),
  name: plainString().trim().min(1, { error: 'errors.required' }).max(200, { error: 'errors.tooLong' }),
  role: z.enum(userRole.enumValues, { error: 'errors.choose' }),
  password,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  id: z.coerce.number().int().positive(),
  /** The account's version when the form was made (users.version). */
  version: z.coerce.number().int().positive(),
  role: z.enum(userRole.enumValues, { error: 'errors.choose' }),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { error: 'errors.required' }).max(256, { error: 'errors.tooLong' }),
    newPassword: createUserInput.shape.password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: 'errors.passwordsDiffer' });
