import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/policy';
import { seesRestricted } from '@/lib/auth/policy';
import { legalBasisText } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { DATE_AXES, type DashboardParams } from '@/lib/dashboard/params';
import type { DashboardData } from '@/lib/dashboard/queries';
import { activeFilters, dashboardHref, type ActiveFilter } from '@/lib/dashboard/view';
import { FilterFields } from '@/app/components/filter-fields';

type Props = { data: DashboardData; params: DashboardParams; invalid: string[]; user: Actor; casesHref: string };

/**
 * The view's filters: the active ones as chips (each a link to the same view without it), then the
 * whole form folded in a <details> (no script needed), open when a parameter was malformed so the
 * message beside the field is seen.
 */
export async function FilterBar({ data, params, invalid, user, casesHref }: Props) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const { vocab } = names;
  const lens = data.lens;
  const active = activeFilters(params);
  const election = (id: number) => {
    const e = vocab.elections.find((x) => x.id === id);
    return e ? names.local(e) : String(id);
  };
  const chip = (f: ActiveFilter): { name: string; value: string } => {
    const v = f.value;
    switch (f.key) {
      case 'city': {
        const p = vocab.places.find((x) => x.id === v);
        return { name: t('filters.city'), value: p ? names.local(p) : String(v) };
      }
      case 'region':
        return { name: t('filters.region'), value: names.region(String(v)) };
      case 'charge': {
        const c = vocab.charges.find((x) => x.id === v);
        return { name: t('filters.charge'), value: c ? `${legalBasisText(t, { legalBasis: c.legalBasis, part: null })}: ${names.local(c)}` : String(v) };
      }
      case 'election':
        return { name: t('filters.election'), value: election(Number(v)) };
      case 'place':
        return { name: t('filters.place'), value: t('filters.placeNotStated') };
      case 'dated':
        return { name: t('filters.dated'), value: t('dates.uncertain') };
      case 'from':
      case 'to':
        return { name: t(`filters.${f.key}`), value: String(v) };
      case 'outcome':
        return { name: t('filters.outcome'), value: t(`enums.chargeOutcome.${v}`) };
      case 'penalty':
        return { name: t('filters.penalty'), value: t(`enums.penaltyKind.${v}`) };
      case 'custody':
        return { name: t('filters.custody'), value: t(`enums.custodyFilter.${v}`) };
      case 'plea':
        return { name: t('filters.plea'), value: t(`enums.plea.${v}`) };
      case 'review':
        return { name: t('filters.review'), value: t(`enums.reviewStatus.${v}`) };
      case 'role':
        return { name: t('filters.role'), value: t(`enums.personRole.${v}`) };
      case 'confidentiality':
        return { name: t('filters.confidentiality'), value: t(`enums.confidentiality.${v}`) };
      case 'all':
        return { name: t('dashboard.period'), value: t('dashboard.periodAll') };
      case 'before':
        return { name: t('dashboard.before'), value: String(v) };
      case 'after':
        return { name: t('dashboard.after'), value: String(v) };
      case 'axis':
        return { name: t('dashboard.axis'), value: t(`dashboard.axis_${v}`) };
      case 'compare':
        return { name: t('dashboard.compare'), value: (v as number[]).map(election).join(', ') };
    }
  };
  return (
    <>
      {active.length > 0 && (
        <div className="chips" role="group" aria-labelledby="chips-label">
          <span id="chips-label" className="chips-label">
            {t('dashboardView.activeFilters')}
          </span>
          <ul>
            {active.map((f) => {
              const { name, value } = chip(f);
              return (
                <li key={f.key}>
                  <Link className="chip" href={dashboardHref(params, f.key)} aria-label={t('dashboardView.removeFilter', { filter: name, value })}>
                    <span className="chip-name">{name}</span> {value}{' '}
                    <span aria-hidden="true" className="chip-x">
                      ×
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          {active.length > 1 && <Link href={lens && params.lens ? `/dashboard?lens=${lens.id}` : '/dashboard'}>{t('dashboardView.clearFilters')}</Link>}
        </div>
      )}
      <details className="filters-bar" open={invalid.length > 0 || undefined}>
        <summary>
          {t('dashboardView.filtersSummary')} <span className="hint">{t('dashboardView.activeCount', { count: active.length })}</span>
        </summary>
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
            <Link href={casesHref}>{t('dashboard.openCases')}</Link>
          </div>
        </form>
      </details>
    </>
  );
}
