import { getTranslations } from 'next-intl/server';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { kazakhstanMap, MAP_HEIGHT, MAP_WIDTH } from '@/lib/dashboard/map';
import { cityRows as cityRowsOf, regionRows as regionRowsOf } from '../chart-set';
import { Figure, RankTable, topOf } from '../figure';
import type { SectionProps } from './types';

/** The map and the rankings by city and region; records naming no city are a bar of their own. */
export async function WhereSection({ data, params, cases, charts, view }: SectionProps) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const cityRows = cityRowsOf({ data, params, cases }, t, names);
  const regionRows = regionRowsOf({ data, params, cases }, t, names);
  const map = kazakhstanMap();
  const maxPlace = Math.max(1, ...data.byPlace.map((p) => p.count));
  const table = { itemLabel: t('dashboard.item'), countLabel: t('dashboard.detentions') };
  return (
    <section aria-labelledby="where-heading">
      <h2 id="where-heading">{t('dashboard.where')}</h2>
      <figure className="panel" aria-labelledby="map-title">
        <h3 id="map-title">{t('dashboard.mapTitle')}</h3>
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="map" role="group" aria-label={t('dashboard.mapTitle')}>
          <path d={map.path} fill="#eef2f5" stroke="#57606a" strokeWidth={1} />
          {data.byPlace.map((p) => {
            const [x, y] = map.project(p.longitude, p.latitude);
            const label = t('dashboard.mapMark', { city: names.place(p.name), count: p.count });
            const r = 3 + 22 * Math.sqrt(p.count / maxPlace);
            return (
              <a key={p.placeId} href={cases({ city: p.placeId })} aria-label={label}>
                <title>{label}</title>
                <circle cx={x} cy={y} r={r} fill="#0072B2" fillOpacity={0.55} stroke="#003f63" />
                <text x={x} y={y - 6 - r + 3} textAnchor="middle" fontSize={11}>
                  {names.place(p.name)}
                </text>
              </a>
            );
          })}
        </svg>
        <figcaption className="hint">
          {t('dashboard.mapSummary', { top: topOf(t, data.byPlace.map((p) => ({ label: names.place(p.name), count: p.count }))) })} {t('dashboard.mapNotStated', { count: data.placeNotStated })}
        </figcaption>
      </figure>
      <div className="two">
        <Figure id="cities" panel={charts.cities} view={view} summary={t('dashboard.rankSummary', { top: topOf(t, cityRows) })}>
          <RankTable caption={t('dashboard.byCityTitle')} {...table} rows={cityRows} />
        </Figure>
        <Figure id="regions" panel={charts.regions} view={view} summary={t('dashboard.rankSummary', { top: topOf(t, regionRows) })}>
          <RankTable caption={t('dashboard.byRegionTitle')} {...table} rows={regionRows} />
        </Figure>
      </div>
    </section>
  );
}
