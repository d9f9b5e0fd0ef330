import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { seesRestricted } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guard';
import { caseFiltersOfView, filtersToQuery } from '@/lib/filters/definition';
import { getDashboard } from '@/lib/dashboard/cache';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { DATE_AXES, readDashboardParams } from '@/lib/dashboard/params';
import { FilterFields } from '@/app/components/filter-fields';
import { ChargesSection } from './sections/charges';
import { CustodySection } from './sections/custody';
import { NamedSection } from './sections/named';
import { OutcomesSection } from './sections/outcomes';
import { WhenSection } from './sections/when';
import { WhereSection } from './sections/where';
import { WhoSection } from './sections/who';
import type { CasesLink } from './sections/types';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const { params, invalid } = readDashboardParams(await searchParams);
  const [t, data, names] = await Promise.all([getTranslations(), getDashboard(user, params), getVocabularyNames()]);
  const { lens, scope } = data;

  // Every chart element opens the case list with the dashboard's filters and period, narrowed to it.
  const shared = caseFiltersOfView(params, scope);
  const cases: CasesLink = (overrides) => `/cases${filtersToQuery(shared, overrides)}`;
  const number = (n: number) => t('locale.count', { count: n });
  const sections = { data, params, cases };

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <form method="get" action="/dashboard" className="filters" aria-label={t('dashboard.filtersLabel')}>
        <div className="grid">
          <div className="field">
            <label htmlFor="dash-lens">{t('dashboard.lens')}</label>
            <select id="dash-lens" name="lens" defaultValue={lens ? String(lens.id) : ''}>
              {data.elections.map((e) => (
                <option key={e.id} value={e.id}>{`${names.election(e.name)} (${e.heldOn})`}</option>
              ))}
            </select>
          </div>
          <fieldset className="checks">
            <legend>{t('dashboard.compare')}</legend>
            {data.elections
              .filter((e) => e.id !== lens?.id)
              .map((e) => (
                <label key={e.id}>
                  <input type="checkbox" name="compare" value={e.id} defaultChecked={params.compare.includes(e.id)} /> {names.election(e.name)}
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
            <label htmlFor="dash-axis">{t('dashboard.axis')}</label>
            <select id="dash-axis" name="axis" defaultValue={params.axis}>
              {DATE_AXES.map((a) => (
                <option key={a} value={a}>
                  {t(`dashboard.axis_${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dash-all">{t('dashboard.period')}</label>
            <select id="dash-all" name="all" defaultValue={params.all ?? ''}>
              <option value="">{t('dashboard.periodWindow')}</option>
              <option value="1">{t('dashboard.periodAll')}</option>
            </select>
          </div>
          <FilterFields filters={params} idPrefix="dash-" restricted={seesRestricted(user)} omit={['q']} invalid={invalid} />
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
            ? t('dashboard.scopeWindow', { from: scope.from ?? '…', to: scope.to ?? '…', election: names.election(lens?.name) })
            : t('dashboard.scopeRange', { from: scope.from ?? '…', to: scope.to ?? '…' })}{' '}
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
            <dt>{t('dashboard.dateUncertain')}</dt>
            <dd>{number(data.uncertain.detained)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.charges')}</dt>
            <dd>{number(data.totals.charges)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.detentionDays')}</dt>
            <dd>{number(data.totals.arrestDays)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.fines')}</dt>
            <dd>{t('dashboard.finesValue', { count: data.money.fines })}</dd>
          </div>
          <div>
            <dt>{t('dashboard.custodyHeld')}</dt>
            <dd>{number(data.custody.held)}</dd>
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

      <WhenSection {...sections} />
      <WhereSection {...sections} />
      <ChargesSection {...sections} />
      <OutcomesSection {...sections} />
      <CustodySection {...sections} />
      <WhoSection {...sections} />
      <NamedSection data={data} user={user} />
    </>
  );
}
