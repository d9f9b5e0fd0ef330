import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { plea, sentenceKind } from '@/db/schema';
import { can, seesRestricted } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guard';
import { filtersToQuery, type CaseFilters } from '@/lib/cases/filters';
import { getDashboard } from '@/lib/dashboard/cache';
import { barChart, columnChart, stackedChart, timelineChart, type Chart } from '@/lib/dashboard/charts';
import { kazakhstanMap, MAP_HEIGHT, MAP_WIDTH } from '@/lib/dashboard/map';
import { readDashboardParams } from '@/lib/dashboard/params';
import { listVocabulary } from '@/lib/vocab/queries';
import { FilterFields } from '@/app/components/filter-fields';
import { RecordForm } from '@/app/components/record-form';
import { saveReportedCount } from './actions';
import { ChartFigure } from './chart-figure';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const DELAY_LABELS: Record<number, string> = { 0: '0', 1: '1', 2: '2', 3: '3–7', 8: '8–30', 31: '31+' };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const { params, invalid } = readDashboardParams(await searchParams);
  const [t, data, vocab] = await Promise.all([getTranslations(), getDashboard(user, params), listVocabulary()]);
  const { lens, scope } = data;

  // Every chart element opens the case list with the dashboard's filters and period, narrowed to it.
  const shared: Partial<CaseFilters> = {
    city: params.city,
    region: params.region,
    charge: params.charge,
    sentence: params.sentence,
    plea: params.plea,
    election: params.election,
    review: params.review,
    role: params.role,
    confidentiality: params.confidentiality,
    // The same period as the dashboard's: the election window (undated detentions tied to the
    // election included), or the explicit date range.
    ...(scope.undatedElectionId
      ? { lens: scope.undatedElectionId, before: params.before, after: params.after }
      : { from: params.from, to: params.to }),
    page: 1,
  };
  const cases = (overrides: Parameters<typeof filtersToQuery>[1]) => `/cases${filtersToQuery(shared, overrides)}`;
  const number = (n: number) => n.toLocaleString('en');

  const offsetLabel = (o: number) => (o === 0 ? t('dashboard.electionDayShort') : o < 0 ? `T−${-o}` : `T+${o}`);
  const daily = data.timeline[0]?.days ?? [];
  const timeline = timelineChart(
    daily.map((d) => offsetLabel(d.offset)),
    data.timeline.map((e) => ({
      name: `${e.name} (${e.heldOn})`,
      points: e.days.map((d) => ({ value: d.count, href: cases({ from: d.date, to: d.date }) })),
    })),
    { title: t('dashboard.timelineTitle'), electionDayLabel: t('dashboard.electionDay'), electionDayIndex: params.before },
  );
  const weeks = (days: typeof daily) => {
    const out = new Map<number, { count: number; from: string; to: string }>();
    for (const d of days) {
      const week = Math.floor(d.offset / 7);
      const w = out.get(week) ?? { count: 0, from: d.date, to: d.date };
      out.set(week, { count: w.count + d.count, from: w.from < d.date ? w.from : d.date, to: w.to > d.date ? w.to : d.date });
    }
    return [...out.entries()].sort(([a], [b]) => a - b);
  };
  const weekAxis = weeks(daily).map(([w]) => (w === 0 ? t('dashboard.electionWeek') : w < 0 ? `W${w}` : `W+${w}`));
  const weekly = timelineChart(
    weekAxis,
    data.timeline.map((e) => ({
      name: `${e.name} (${e.heldOn})`,
      points: weeks(e.days).map(([, w]) => ({ value: w.count, href: cases({ from: w.from, to: w.to }) })),
    })),
    { title: t('dashboard.weeklyTitle'), electionDayLabel: t('dashboard.electionDay'), electionDayIndex: weekAxis.indexOf(t('dashboard.electionWeek')), bars: true },
  );

  const places = barChart(
    data.byPlace.map((p) => ({ label: p.name, value: p.count, href: cases({ city: p.placeId }) })),
    { title: t('dashboard.byCityTitle') },
  );
  const chargesChart = barChart(
    data.byCharge.map((c) => ({
      label: c.legalBasis ? `${c.legalBasis}: ${c.name}` : t('dashboard.noCharge'),
      value: c.count,
      href: c.chargeId ? cases({ charge: c.chargeId }) : null,
    })),
    { title: t('dashboard.byChargeTitle'), width: 720 },
  );
  const kinds = barChart(
    data.bySentence.map((s) => ({ label: t(`enums.sentenceKind.${s.kind}`), value: s.count, href: cases({ sentence: s.kind }) })),
    { title: t('dashboard.bySentenceTitle') },
  );
  const arrest = columnChart(
    data.arrestDays.map((a) => ({ label: String(a.days), value: a.count, href: cases({ sentence: 'administrative_arrest' }) })),
    { title: t('dashboard.arrestDaysTitle'), xName: t('dashboard.days') },
  );
  const pleas = plea.enumValues;
  const kindsPresent = sentenceKind.enumValues.filter((k) => data.pleaOutcome.some((p) => p.kind === k));
  const pleaOutcome = stackedChart(
    pleas.map((p) => t(`enums.plea.${p}`)),
    kindsPresent.map((k) => ({
      name: t(`enums.sentenceKind.${k}`),
      values: pleas.map((p) => ({
        value: data.pleaOutcome.find((r) => r.plea === p && r.kind === k)?.count ?? 0,
        href: cases({ plea: p, sentence: k }),
      })),
    })),
    { title: t('dashboard.pleaOutcomeTitle') },
  );
  const delay = columnChart(
    data.delay.map((d) => ({ label: DELAY_LABELS[d.bucket] ?? String(d.bucket), value: d.count, href: null })),
    { title: t('dashboard.delayTitle'), xName: t('dashboard.days') },
  );
  const roles = barChart(
    data.byRole.map((r) => ({ label: t(`enums.personRole.${r.role}`), value: r.count, href: cases({ role: r.role }) })),
    { title: t('dashboard.byRoleTitle') },
  );

  const map = kazakhstanMap();
  const maxPlace = Math.max(1, ...data.byPlace.map((p) => p.count));

  const select = (name: string, label: string, options: { value: string | number; label: string }[], value: unknown, blank = t('filters.any')) => (
    <div className="field">
      <label htmlFor={`dash-${name}`}>{label}</label>
      <select id={`dash-${name}`} name={name} defaultValue={value === undefined ? '' : String(value)}>
        {blank && <option value="">{blank}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  const figure = (id: string, title: string, chart: Chart, summary: string, table: React.ReactNode) => (
    <figure className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ChartFigure svg={chart.svg} links={chart.links} label={summary} />
      <figcaption className="hint">{summary}</figcaption>
      <details>
        <summary>{t('dashboard.dataTable')}</summary>
        {table}
      </details>
    </figure>
  );
  const rankTable = (caption: string, rows: { key: string; label: string; count: number; href: string | null }[]) => (
    <table>
      <caption className="hint">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.item')}</th>
          <th scope="col">{t('dashboard.detentions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.href ? <Link href={r.href}>{r.label}</Link> : r.label}</td>
            <td>{number(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const top = (rows: { label: string; count: number }[]) =>
    rows.length ? rows.slice(0, 3).map((r) => t('dashboard.topItem', { label: r.label, count: r.count })).join('; ') : t('dashboard.none');

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <form method="get" action="/dashboard" className="filters" aria-label={t('dashboard.filtersLabel')}>
        <div className="grid">
          {select('lens', t('dashboard.lens'), data.elections.map((e) => ({ value: e.id, label: `${e.name} (${e.heldOn})` })), lens?.id, '')}
          <fieldset className="checks">
            <legend>{t('dashboard.compare')}</legend>
            {data.elections
              .filter((e) => e.id !== lens?.id)
              .map((e) => (
                <label key={e.id}>
                  <input type="checkbox" name="compare" value={e.id} defaultChecked={params.compare.includes(e.id)} /> {e.name}
                </label>
              ))}
          </fieldset>
          <div className="field">
            <label htmlFor="dash-before">{t('dashboard.before')}</label>
            <input id="dash-before" name="before" type="number" min={0} max={365} defaultValue={params.before} />
          </div>
          <div className="field">
            <label htmlFor="dash-after">{t('dashboard.after')}</label>
            <input id="dash-after" name="after" type="number" min={0} max={365} defaultValue={params.after} />
          </div>
          <div className="field">
            <label htmlFor="dash-all">{t('dashboard.period')}</label>
            <select id="dash-all" name="all" defaultValue={params.all ?? ''}>
              <option value="">{t('dashboard.periodWindow')}</option>
              <option value="1">{t('dashboard.periodAll')}</option>
            </select>
          </div>
          <FilterFields filters={params} idPrefix="dash-" restricted={seesRestricted(user)} omit={['q', 'status']} invalid={invalid} />
        </div>
        <div className="actions">
          <button type="submit">{t('filters.apply')}</button>
          <Link href="/dashboard">{t('filters.clear')}</Link>
          <Link href={cases({})}>{t('dashboard.openCases')}</Link>
        </div>
      </form>

      <p>
        {scope.all
          ? t('dashboard.scopeAll')
          : scope.undatedElectionId
            ? t('dashboard.scopeWindow', { from: scope.from, to: scope.to, election: lens?.name ?? '' })
            : t('dashboard.scopeRange', { from: params.from ?? '…', to: params.to ?? '…' })}{' '}
        {!seesRestricted(user) && t('dashboard.restrictedExcluded')}
      </p>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('dashboard.keyFigures')}</h2>
        <dl className="figures">
          <div>
            <dt>{t('dashboard.detentions')}</dt>
            <dd>{number(data.totals.detentions)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.detentionDays')}</dt>
            <dd>{number(data.totals.arrestDays)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.fines')}</dt>
            <dd>{t('dashboard.finesValue', { count: data.totals.fines, total: number(data.totals.fineTotal) })}</dd>
          </div>
          <div>
            <dt>{t('dashboard.repeatPeople')}</dt>
            <dd>{number(data.repeat.people)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.reportedTotal')}</dt>
            <dd>{data.reported.detained ? number(data.reported.detained) : t('dashboard.none')}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="when-heading">
        <h2 id="when-heading">{t('dashboard.when')}</h2>
        {figure(
          'timeline',
          t('dashboard.timelineTitle'),
          timeline,
          t('dashboard.timelineSummary', {
            total: number(daily.reduce((a, d) => a + d.count, 0)),
            peak: daily.length ? offsetLabel(daily.reduce((a, d) => (d.count > a.count ? d : a), daily[0]).offset) : '—',
          }),
          rankTable(
            t('dashboard.timelineTitle'),
            daily.filter((d) => d.count > 0).map((d) => ({ key: d.date, label: `${offsetLabel(d.offset)} (${d.date})`, count: d.count, href: cases({ from: d.date, to: d.date }) })),
          ),
        )}
        {figure(
          'weekly',
          t('dashboard.weeklyTitle'),
          weekly,
          t('dashboard.weeklySummary'),
          rankTable(
            t('dashboard.weeklyTitle'),
            weeks(daily).map(([w, v], i) => ({ key: String(w), label: `${weekAxis[i]} (${v.from} – ${v.to})`, count: v.count, href: cases({ from: v.from, to: v.to }) })),
          ),
        )}
      </section>

      <section aria-labelledby="where-heading">
        <h2 id="where-heading">{t('dashboard.where')}</h2>
        <figure className="panel" aria-labelledby="map-title">
          <h3 id="map-title">{t('dashboard.mapTitle')}</h3>
          <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="map" role="group" aria-label={t('dashboard.mapTitle')}>
            <path d={map.path} fill="#eef2f5" stroke="#57606a" strokeWidth={1} />
            {data.byPlace.map((p) => {
              const [x, y] = map.project(p.longitude, p.latitude);
              const label = t('dashboard.mapMark', { city: p.name, count: p.count });
              return (
                <a key={p.placeId} href={cases({ city: p.placeId })} aria-label={label}>
                  <title>{label}</title>
                  <circle cx={x} cy={y} r={3 + 22 * Math.sqrt(p.count / maxPlace)} fill="#0072B2" fillOpacity={0.55} stroke="#003f63" />
                  <text x={x} y={y - 6 - 22 * Math.sqrt(p.count / maxPlace)} textAnchor="middle" fontSize={11}>
                    {p.name}
                  </text>
                </a>
              );
            })}
          </svg>
          <figcaption className="hint">{t('dashboard.mapSummary', { top: top(data.byPlace.map((p) => ({ label: p.name, count: p.count }))) })}</figcaption>
        </figure>
        <div className="two">
          {figure(
            'cities',
            t('dashboard.byCityTitle'),
            places,
            t('dashboard.rankSummary', { top: top(data.byPlace.map((p) => ({ label: p.name, count: p.count }))) }),
            rankTable(t('dashboard.byCityTitle'), data.byPlace.map((p) => ({ key: String(p.placeId), label: p.name, count: p.count, href: cases({ city: p.placeId }) }))),
          )}
          <div className="panel">
            <h3>{t('dashboard.byRegionTitle')}</h3>
            {rankTable(t('dashboard.byRegionTitle'), data.byRegion.map((r) => ({ key: r.region, label: r.region, count: r.count, href: cases({ region: r.region }) })))}
          </div>
        </div>
      </section>

      <section aria-labelledby="what-heading">
        <h2 id="what-heading">{t('dashboard.whatFor')}</h2>
        {figure(
          'charges',
          t('dashboard.byChargeTitle'),
          chargesChart,
          t('dashboard.rankSummary', { top: top(data.byCharge.map((c) => ({ label: c.legalBasis ?? t('dashboard.noCharge'), count: c.count }))) }),
          rankTable(
            t('dashboard.byChargeTitle'),
            data.byCharge.map((c) => ({ key: String(c.chargeId), label: c.legalBasis ? `${c.legalBasis}: ${c.name}` : t('dashboard.noCharge'), count: c.count, href: c.chargeId ? cases({ charge: c.chargeId }) : null })),
          ),
        )}
        <div className="panel">
          <h3>{t('dashboard.byLegalBasisTitle')}</h3>
          {rankTable(t('dashboard.byLegalBasisTitle'), data.byLegalBasis.map((c) => ({ key: String(c.legalBasis), label: c.legalBasis ?? t('dashboard.noCharge'), count: c.count, href: null })))}
        </div>
      </section>

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t('dashboard.outcomes')}</h2>
        <div className="two">
          {figure(
            'kinds',
            t('dashboard.bySentenceTitle'),
            kinds,
            t('dashboard.rankSummary', { top: top(data.bySentence.map((s) => ({ label: t(`enums.sentenceKind.${s.kind}`), count: s.count }))) }),
            rankTable(t('dashboard.bySentenceTitle'), data.bySentence.map((s) => ({ key: s.kind, label: t(`enums.sentenceKind.${s.kind}`), count: s.count, href: cases({ sentence: s.kind }) }))),
          )}
          {figure(
            'arrest',
            t('dashboard.arrestDaysTitle'),
            arrest,
            t('dashboard.arrestSummary', { total: number(data.totals.arrestDays) }),
            rankTable(t('dashboard.arrestDaysTitle'), data.arrestDays.map((a) => ({ key: String(a.days), label: t('dashboard.nDays', { count: a.days }), count: a.count, href: null }))),
          )}
          {figure(
            'plea',
            t('dashboard.pleaOutcomeTitle'),
            pleaOutcome,
            t('dashboard.pleaSummary', {
              notGuilty: number(data.pleaOutcome.filter((p) => p.plea === 'not_guilty').reduce((a, p) => a + p.count, 0)),
              acquitted: number(data.pleaOutcome.filter((p) => p.plea === 'not_guilty' && p.kind === 'acquitted').reduce((a, p) => a + p.count, 0)),
            }),
            rankTable(
              t('dashboard.pleaOutcomeTitle'),
              data.pleaOutcome.map((p) => ({ key: `${p.plea}-${p.kind}`, label: `${t(`enums.plea.${p.plea}`)} → ${t(`enums.sentenceKind.${p.kind}`)}`, count: p.count, href: cases({ plea: p.plea, sentence: p.kind }) })),
            ),
          )}
          {figure(
            'delay',
            t('dashboard.delayTitle'),
            delay,
            t('dashboard.delaySummary'),
            rankTable(t('dashboard.delayTitle'), data.delay.map((d) => ({ key: String(d.bucket), label: t('dashboard.delayBucket', { days: DELAY_LABELS[d.bucket] ?? String(d.bucket) }), count: d.count, href: null }))),
          )}
        </div>
      </section>

      <section aria-labelledby="who-heading">
        <h2 id="who-heading">{t('dashboard.who')}</h2>
        <div className="two">
          {figure(
            'roles',
            t('dashboard.byRoleTitle'),
            roles,
            t('dashboard.rankSummary', { top: top(data.byRole.map((r) => ({ label: t(`enums.personRole.${r.role}`), count: r.count }))) }),
            rankTable(t('dashboard.byRoleTitle'), data.byRole.map((r) => ({ key: r.role, label: t(`enums.personRole.${r.role}`), count: r.count, href: cases({ role: r.role }) }))),
          )}
          <div className="panel">
            <h3>{t('dashboard.repeatTitle')}</h3>
            <p>{t('dashboard.repeatSummary', { count: data.repeat.people })}</p>
            {data.repeat.top.length > 0 && (
              <table>
                <caption className="hint">{t('dashboard.repeatCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.activist')}</th>
                    <th scope="col">{t('fields.personRole')}</th>
                    <th scope="col">{t('dashboard.detentions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.repeat.top.map((p) => (
                    <tr key={p.personId}>
                      <td>
                        <Link href={`/people/${p.personId}`}>{p.name}</Link>
                      </td>
                      <td>{t(`enums.personRole.${p.role}`)}</td>
                      <td>{p.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      </section>

      <section aria-labelledby="named-heading">
        <h2 id="named-heading">{t('dashboard.namedTitle')}</h2>
        <p>
          {t('dashboard.namedSummary', {
            named: number(data.totals.detentions),
            reported: data.reported.detained ? number(data.reported.detained) : t('dashboard.none'),
            identified: data.reported.identified ? number(data.reported.identified) : t('dashboard.none'),
          })}
        </p>
        {data.reported.items.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.reportedWhat')}</th>
                <th scope="col">{t('dashboard.reportedDetained')}</th>
                <th scope="col">{t('dashboard.reportedIdentified')}</th>
                <th scope="col">{t('cases.sources')}</th>
              </tr>
            </thead>
            <tbody>
              {data.reported.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.description}
                    {r.place && <div className="hint">{r.place}</div>}
                  </td>
                  <td>{number(r.detained)}</td>
                  <td>{r.identified === null ? '—' : number(r.identified)}</td>
                  <td>
                    <a href={r.url} target="_blank" rel="noopener noreferrer">
                      {r.title}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {can(user.role, 'write') && (
          <details>
            <summary>{t('dashboard.reportedAdd')}</summary>
            <RecordForm
              action={saveReportedCount}
              idPrefix="reported-"
              initial={{ electionId: lens ? String(lens.id) : '' }}
              fields={[
                { name: 'electionId', label: t('fields.election'), kind: 'select', options: [{ value: '', label: t('form.none') }, ...data.elections.map((e) => ({ value: String(e.id), label: e.name }))] },
                { name: 'placeId', label: t('dashboard.reportedPlace'), kind: 'select', options: [{ value: '', label: t('dashboard.reportedAllPlaces') }, ...vocab.places.map((p) => ({ value: String(p.id), label: p.name }))] },
                { name: 'description', label: t('dashboard.reportedWhat'), hint: t('dashboard.reportedWhatHint') },
                { name: 'detainedCount', label: t('dashboard.reportedDetained') },
                { name: 'identifiedCount', label: t('dashboard.reportedIdentified') },
                { name: 'reportedOn', label: t('dashboard.reportedOn'), hint: t('form.dateHint') },
                { name: 'sourceUrl', label: t('fields.sourceUrl') },
                { name: 'sourceTitle', label: t('fields.sourceTitle'), hint: t('dashboard.reportedSourceHint') },
              ]}
              submitLabel={t('dashboard.reportedSave')}
            />
          </details>
        )}
      </section>
    </>
  );
}
