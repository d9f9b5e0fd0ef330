import { getTranslations } from 'next-intl/server';
import { filtersToQuery, type CaseFilters } from '@/lib/cases/filters';

/** Download links for the list as filtered (never its page); the server re-checks every filter. */
export async function ExportLinks({ filters, withNotes }: { filters: CaseFilters; withNotes: boolean }) {
  const [t, tl] = await Promise.all([getTranslations('exports'), getTranslations('locale')]);
  const query = filtersToQuery(filters, { page: undefined }).slice(1);
  const href = (format: string, extra = '') => `/cases/export?format=${format}${query ? `&${query}` : ''}${extra}`;
  return (
    <nav className="export-links" aria-label={t('download')}>
      <span>{t('download')}</span> <a href={href('csv')}>{t('csv')}</a> · <a href={href('xlsx')}>{t('xlsx')}</a> ·{' '}
      <a href={href('json')}>{t('json')}</a>
      {withNotes && (
        <>
          {' '}
          · <a href={href('csv', '&notes=1')}>{t('csvWithNotes')}</a>
        </>
      )}{' '}
      · <a href={`/reports${query ? `?${query}` : ''}`}>{t('pdf')}</a>
      <span className="hint"> {t('hint')}</span>
      <br />
      <a href={href('csv', '&headers=localised')}>{tl('csvLocalised')}</a> · <a href={href('xlsx', '&headers=localised')}>{tl('xlsxLocalised')}</a>
      <span className="hint"> {tl('headersHint')}</span>
    </nav>
  );
}
