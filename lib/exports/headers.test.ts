import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/index';
import kk from '@/lib/i18n/messages/kk/index';
import ru from '@/lib/i18n/messages/ru/index';
import { exportHeader } from './columns';
import { localisedHeader } from './headers';

const CATALOGUES = { en, kk, ru };
const everyColumn = exportHeader({ includeNotes: true, chargeCount: 2, penaltyCount: 2, eventCount: 2, sourceCount: 2 });

describe.each(['en', 'kk', 'ru'] as const)('localised headers in %s', (locale) => {
  const missing: string[] = [];
  const t = createTranslator({
    locale,
    messages: CATALOGUES[locale],
    onError: (error) => missing.push(error.message),
    getMessageFallback: ({ namespace, key }) => `MISSING ${[namespace, key].filter(Boolean).join('.')}`,
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const headers = everyColumn.map((name) => localisedHeader(t, name));

  it('name every column in words, none left a key or a stable name', () => {
    expect(headers.filter((h) => h.includes('MISSING') || h.includes('{'))).toEqual([]);
    expect(missing).toEqual([]);
    expect(headers.filter((h, i) => h === everyColumn[i] && /_/.test(h))).toEqual([]);
  });

  it('tell every column apart', () => {
    const seen = new Map<string, string>();
    const clashes = headers.flatMap((h, i) => {
      const other = seen.get(h);
      seen.set(h, everyColumn[i]);
      return other ? [`${other} and ${everyColumn[i]}: ${h}`] : [];
    });
    expect(clashes).toEqual([]);
  });
});

it('reads the numbered groups', () => {
  const t = createTranslator({ locale: 'en', messages: en }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  expect(localisedHeader(t, 'charge_2_penalty_1_amount')).toBe('Charge 2, penalty 1: amount');
  expect(localisedHeader(t, 'charge_1_outcome_earliest')).toBe('Charge 1: Outcome date: earliest day');
  expect(localisedHeader(t, 'event_3_latest')).toBe('Event 3: Date: latest day');
  expect(localisedHeader(t, 'detained_as_reported')).toBe('Detained: as reported');
  expect(localisedHeader(t, 'charge_1_penalty_1_as_reported')).toBe('Charge 1, penalty 1: as reported');
});
