import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Figure, RankTable, topOf } from '../figure';
import type { SectionProps } from './types';

/** Roles of the people detained, and who was detained more than once. */
export async function WhoSection({ data, cases, charts, view }: SectionProps) {
  const t = await getTranslations();
  const rows = data.byRole.map((r) => ({ key: r.role, label: t(`enums.personRole.${r.role}`), count: r.count, href: cases({ role: r.role }) }));
  return (
    <section aria-labelledby="who-heading">
      <h2 id="who-heading">{t('dashboard.who')}</h2>
      <div className="two">
        <Figure id="roles" panel={charts.roles} view={view} summary={t('dashboard.rankSummary', { top: topOf(t, rows) })}>
          <RankTable caption={t('dashboard.byRoleTitle')} itemLabel={t('dashboard.item')} countLabel={t('dashboard.detentions')} rows={rows} />
        </Figure>
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
  );
}
