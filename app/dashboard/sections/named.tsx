import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/policy';
import { can } from '@/lib/auth/policy';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';
import { RecordForm } from '@/app/components/record-form';
import { saveReportedCount } from '../actions';
import type { SectionProps } from './types';

/** Detentions on record by name beside numbers reported without names, and the form to add one. */
export async function NamedSection({ data, user }: Pick<SectionProps, 'data'> & { user: Actor }) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const { vocab } = names;
  const number = (n: number) => t('locale.count', { count: n });
  const { lens } = data;
  return (
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
              { name: 'electionId', label: t('fields.election'), kind: 'select', options: [{ value: '', label: t('form.none') }, ...data.elections.map((e) => ({ value: String(e.id), label: names.election(e.name) }))] },
              { name: 'placeId', label: t('dashboard.reportedPlace'), kind: 'select', options: [{ value: '', label: t('dashboard.reportedAllPlaces') }, ...vocab.places.map((p) => ({ value: String(p.id), label: names.local(p) }))] },
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
  );
}
