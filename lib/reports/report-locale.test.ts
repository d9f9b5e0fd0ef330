import { createRequire } from 'node:module';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { parseCaseFilters } from '@/lib/cases/filters';
import { createCase } from '@/lib/cases/queries';
import en from '@/lib/i18n/messages/en';
import kk from '@/lib/i18n/messages/kk';
import ru from '@/lib/i18n/messages/ru';
import { useTestDatabase } from '@/lib/test/database';
import { chargeId, createActor, unique, validCase } from '@/lib/test/factories';
import { pdfText } from './pdf-text';
import { generateReport, type Translate } from './report';

useTestDatabase();

/** PDFKit's own font reader (its dependency; no types shipped), asked which letters a font has. */
const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(file: string): { hasGlyphForCodePoint(codePoint: number): boolean } };

const CATALOGUES = { en, kk, ru };
const translator = (locale: 'en' | 'kk' | 'ru') => createTranslator({ locale, messages: CATALOGUES[locale] }) as unknown as Translate;
let researcher: Actor;
const tag = unique('Locale').replace(/[^a-z0-9]/gi, '').toLowerCase();

beforeAll(async () => {
  researcher = await createActor('researcher');
  const monitor = await createActor('monitor');
  const charges = [{ chargeId: String(await chargeId('coao-488')), part: '3', basisOrigin: 'stated', outcome: 'convicted', penalties: [{ kind: 'fine', amount: '87500', unit: 'KZT' }] }];
  const result = await createCase(monitor, await validCase({ personName: `Ерлан ${tag}`, reviewStatus: 'verified', charges }));
  if (!result.ok) throw new Error(JSON.stringify(result));
});

describe('the PDF report in the reader’s language', () => {
  it.each([
    ['kk', 'ӘҚБтК 488-бап 3-бөлік', '87 500'],
    ['ru', 'ч. 3 ст. 488 КоАП', '87 500'],
    ['en', 'CoAO art. 488(3)', '87,500'],
  ] as const)('%s: words, legal basis and numbers', async (locale, basis, amount) => {
    const t = translator(locale);
    const { bytes } = await generateReport(researcher, parseCaseFilters({ q: tag }), { t, locale, origin: 'https://cases.example.org' });
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(t('reports.pdf.title'));
    expect(text).toContain(t('reports.pdf.methodologyTitle'));
    expect(text).toContain(basis);
    // Intl writes a narrow no-break space in kk/ru; the PDF text reads it as a space.
    expect(text.replace(/[\u00a0\u202f]/g, ' ')).toContain(amount);
    if (locale !== 'en') expect(text).not.toContain(en.reports.pdf.title);
  });

  it('embeds a font that has every Kazakh and Russian letter (no empty boxes)', () => {
    const dir = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
    const letters = [...'әғқңөұүһіӘҒҚҢӨҰҮҺІабвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЩЪ'];
    for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
      const font = fontkit.openSync(path.join(dir, file));
      expect(letters.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!)), file).toEqual([]);
    }
  });
});
