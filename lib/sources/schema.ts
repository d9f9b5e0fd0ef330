import { z } from 'zod';
import { httpUrl, optionalText, partialDate, requiredText } from '@/lib/zod-helpers';

export const sourceInput = z.object({
  url: httpUrl,
  title: requiredText(500),
  publisher: optionalText(200),
  publishedOn: partialDate,
  language: optionalText(35),
  accessedOn: partialDate,
  reason: optionalText(500),
});
export type SourceInput = z.infer<typeof sourceInput>;
