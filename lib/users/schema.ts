import { z } from 'zod';
import { userRole } from '@/db/schema';

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email({ error: 'errors.email' }).max(320, { error: 'errors.tooLong' }),
  name: z.string().trim().min(1, { error: 'errors.required' }).max(200, { error: 'errors.tooLong' }),
  role: z.enum(userRole.enumValues, { error: 'errors.choose' }),
  password: z
    .string()
    .min(12, { error: 'errors.passwordLength' })
    .max(256, { error: 'errors.tooLong' }),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  id: z.coerce.number().int().positive(),
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
