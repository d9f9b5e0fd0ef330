import { getTranslations } from 'next-intl/server';
import { seesRestricted } from '@/lib/auth/policy';
import { requirePermission } from '@/lib/auth/guard';
import { caseFiltersOfView, filtersToQuery } from '@/lib/filters/definition';
import { getDashboard } from '@/lib/dashboard/cache';
import { computeHeadline } from '@/lib/dashboard/headline';
import { activeFilters, dashboardQuery } from '@/lib/dashboard/view';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { readDashboardParams } from '@/lib/dashboard/params';
import { buildCharts } from './chart-set';
import { Contents } from './parts/contents';
import { FilterBar } from './parts/filter-bar';
import { DashboardHeadline } from './parts/headline';
import { KeyFigures } from './parts/key-figures';
import { ChargesSection } from './sections/charges';
import { CustodySection } from './sections/custody';
import { NamedSection } from './sections/named';
import { OutcomesSection } from './sections/outcomes';
import { TimelineFigure, WhenSection } from './sections/when';
import { WhereSection } from './sections/where';
import { WhoSection } from './sections/who';
import type { CasesLink, SectionProps } from './sections/types';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The researchers' dashboard: what happened in a sentence, the timeline around the election, the
 * filters folded with the active ones as chips, then the sections, each reachable from the contents.
 */
export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePermission('read');
  const { params, invalid } = readDashboardParams(await searchParams);
  const [t, data, names] = await Promise.all([getTranslations(), getDashboard(user, params), getVocabularyNames()]);
  const { lens, scope } = data;

  // Every chart element opens the case list with the dashboard's filters and period, narrowed to it.
  const shared = caseFiltersOfView(params, scope);
  const cases: CasesLink = (overrides) => `/cases${filtersToQuery(shared, overrides)}`;
  const charts = await buildCharts({ data, params, cases });
  const sections: SectionProps = { data, params, cases, charts, view: dashboardQuery(params) };
  const headline = computeHeadline(data, params, activeFilters(params).filter((f) => f.narrows).length);
  const empty = headline.kind === 'empty';
  const contents = [
    { id: 'figures-heading', label: t('dashboard.keyFigures') },
    ...(empty
      ? []
      : [
          { id: 'when-heading', label: t('dashboard.when') },
          { id: 'where-heading', label: t('dashboard.where') },
          { id: 'what-heading', label: t('dashboard.whatFor') },
          { id: 'outcomes-heading', label: t('dashboard.outcomes') },
          { id: 'custody-heading', label: t('dashboard.custody') },
          { id: 'who-heading', label: t('dashboard.who') },
        ]),
    { id: 'named-heading', label: t('dashboard.namedTitle') },
  ];

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <DashboardHeadline headline={headline} electionName={names.election(lens?.name)} />
      <FilterBar data={data} params={params} invalid={invalid} user={user} casesHref={cases({})} />
      {!empty && <TimelineFigure {...sections} />}
      <p className="hint">
        {scope.all
          ? t('dashboard.scopeAll')
          : scope.undatedElectionId
            ? t('dashboard.scopeWindow', { from: scope.from ?? '…', to: scope.to ?? '…', election: names.election(lens?.name) })
            : t('dashboard.scopeRange', { from: scope.from ?? '…', to: scope.to ?? '…' })}{' '}
        {!seesRestricted(user) && t('dashboard.restrictedExcluded')}
      </p>
      <Contents sections={contents} />
      <KeyFigures data={data} />
      {!empty && (
        <>
          <WhenSection {...sections} />
          <WhereSection {...sections} />
          <ChargesSection {...sections} />
          <OutcomesSection {...sections} />
          <CustodySection {...sections} />
          <WhoSection {...sections} />
        </>
      )}
      <NamedSection data={data} user={user} />
    </>
  );
}
