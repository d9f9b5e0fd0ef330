import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Headline } from '@/lib/dashboard/headline';

/** The view's story in one sentence (lib/dashboard/headline.ts), or an honest word when there is none. */
export async function DashboardHeadline({ headline, electionName }: { headline: Headline; electionName: string }) {
  const [t, format] = await Promise.all([getTranslations('dashboardView'), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  if (headline.kind === 'empty') {
    return (
      <div className="headline" id="headline">
        <p className="headline-text">{t(headline.filtered ? 'emptyFiltered' : 'emptyPeriod')}</p>
        {headline.filtered && (
          <p>
            <Link href="/dashboard">{t('clearFilters')}</Link>
          </p>
        )}
      </div>
    );
  }
  const parts: string[] = [];
  if (headline.kind === 'window') {
    let first = t('headlineWindow', { count: headline.before, days: headline.daysBefore, election: electionName, date: day(headline.heldOn) });
    if (headline.showRecent && headline.before > 0) first += `, ${t('headlineRecent', { count: headline.recent })}`;
    parts.push(first);
    if (headline.daysAfter > 0 || headline.after > 0) parts.push(t('headlineAfter', { count: headline.after, days: headline.daysAfter }));
  } else {
    const count = headline.total;
    parts.push(
      headline.all
        ? t('headlineAll', { count })
        : headline.from && headline.to
          ? t('headlineRange', { count, from: day(headline.from), to: day(headline.to) })
          : headline.from
            ? t('headlineSince', { count, from: day(headline.from) })
            : t('headlineUntil', { count, to: day(headline.to ?? '') }),
    );
  }
  if (headline.uncertain > 0) parts.push(t('headlineUncertain', { count: headline.uncertain }));
  if (headline.arrestDays > 0) parts.push(t('headlineArrest', { count: headline.arrestDays }));
  return (
    <div className="headline" id="headline">
      <p className="headline-text">{`${parts.join('; ')}.`}</p>
      {(headline.filtered > 0 || headline.sparse) && (
        <p className="hint">
          {headline.filtered > 0 && t('headlineFiltered', { count: headline.filtered })} {headline.sparse && t('headlineSparse')}
        </p>
      )}
    </div>
  );
}
