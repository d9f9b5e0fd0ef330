import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { stripControlCharacters } from '@/lib/text/control';

/** The search box of a list page: a plain GET form, so results have a shareable URL and need no JavaScript. */
export async function ListSearch({ action, query, hint }: { action: string; query: string; hint: string }) {
  const t = await getTranslations('lists');
  return (
    <form method="get" action={action} role="search" className="filters">
      <div className="field">
        <label htmlFor="list-q">{t('search.label')}</label>
        <input id="list-q" name="q" type="search" defaultValue={query} maxLength={200} autoComplete="off" aria-describedby="list-q-hint" />
        <span id="list-q-hint" className="hint">
          {hint}
        </span>
      </div>
      <div className="actions">
        <button type="submit">{t('search.submit')}</button>
        {query && <Link href={action}>{t('search.clear')}</Link>}
      </div>
    </form>
  );
}

/** Previous/next links of a list page, keeping the query. */
export async function ListPager({ action, query, page, pages }: { action: string; query: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const t = await getTranslations('lists');
  const href = (n: number) => `${action}?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(n) })}`;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      {page > 1 && <Link href={href(page - 1)}>{t('pager.previous')}</Link>}
      <span>{t('pager.page', { page, pages })}</span>
      {page < pages && <Link href={href(page + 1)}>{t('pager.next')}</Link>}
    </nav>
  );
}

/** `q` and `page` of a list page's URL, bounded: anything malformed means "no query", "page 1". */
export function readListParams(params: Record<string, string | string[] | undefined>) {
  const q = typeof params.q === 'string' ? params.q.slice(0, 200) : '';
  const page = typeof params.page === 'string' && /^\d{1,6}$/.test(params.page) ? Number(params.page) : 1;
  return { query: stripControlCharacters(q), page };
}
