import { z } from 'zod';
import { personRole } from '@/db/schema';
import { enumField, optionalText, plainString, requiredText } from '@/lib/zod-helpers';

/**
 * The person form. Name variants are one per line; the script of each (Latin or Cyrillic) is
 * recognised from its letters.
 */
export const personInput = z.object({
  displayName: requiredText(200),
  role: enumField(personRole.enumValues),
  affiliation: optionalText(200),
  notes: optionalText(10_000),
  variants: plainString()
    .max(5_000, { error: 'errors.tooLong' })
    .transform((text) => [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(200, { error: 'errors.tooLong' })).max(30, { error: 'errors.tooMany' })),
  reason: optionalText(500),
});
export type PersonInput = z.infer<typeof personInput>;
