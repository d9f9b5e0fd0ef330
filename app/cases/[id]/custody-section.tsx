import { getTranslations } from 'next-intl/server';
import type { EventDetail } from '@/lib/cases/details';
import { custodyNow, orderEvents, type CustodyFacts } from '@/lib/custody/timeline';
import type { DateInterval } from '@/lib/dates/interval';
import { showInterval } from '@/lib/format';

/**
 * Where the person stands today (status, days held, next hearing, expected release, missing since)
 * and the custody timeline in the order things happened, the detention first.
 */
export async function CustodySection({
  facts,
  detained,
  events,
  today,
}: {
  facts: CustodyFacts;
  detained: DateInterval;
  events: EventDetail[];
  today: string;
}) {
  const t = await getTranslations();
  const now = custodyNow(facts, today);
  const summary: [string, string][] = [
    [t('cases.custodyToday'), now.presumed ? t('cases.presumedReleased', { day: facts.expectedReleaseOn ?? '' }) : t(`enums.custodyStatus.${now.status}`)],
  ];
  if (now.days !== null) summary.push([t('cases.daysInCustody'), t(now.status === 'released' ? 'cases.daysHeld' : 'cases.daysRunning', { count: now.days })]);
  if (facts.nextHearingOn) summary.push([t('cases.nextHearing'), facts.nextHearingOn]);
  if (facts.expectedReleaseOn) summary.push([t('cases.expectedRelease'), facts.expectedReleaseOn]);
  if (facts.whereaboutsUnknownSince) summary.push([t('cases.missingSince'), facts.whereaboutsUnknownSince]);
  const when = (date: DateInterval) => (
    <>
      {showInterval(t, date)}
      {date.asReported && <span className="hint"> ({t('dates.asReported', { text: date.asReported })})</span>}
    </>
  );
  return (
    <section aria-labelledby="custody-heading">
      <h2 id="custody-heading">{t('cases.custody')}</h2>
      <dl className="facts" aria-label={t('cases.custodySummary')}>
        {summary.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ol className="timeline" aria-label={t('cases.timeline')}>
        <li>
          <strong>{t('enums.custodyEventKind.detained')}</strong> — {when(detained)}
        </li>
        {orderEvents(events).map((e, i) => (
          <li key={i}>
            <strong>{t(`enums.custodyEventKind.${e.kind}`)}</strong> — {when(e.date)}
            {(e.placeName || e.placeDetail) && <> · {[e.placeName, e.placeDetail].filter(Boolean).join(', ')}</>}
            {e.note && <div>{e.note}</div>}
            {e.sourceUrl && (
              <div className="hint">
                {t('cases.reportedBy')}{' '}
                <a href={e.sourceUrl} target="_blank" rel="noopener noreferrer">
                  {e.sourceTitle ?? e.sourceUrl}
                </a>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
