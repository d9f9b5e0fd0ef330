import { getTranslations } from 'next-intl/server';
import { chargeOutcome, confidentiality, penaltyKind, personRole, plea, reviewStatus } from '@/db/schema';
import { CUSTODY_FILTERS, type CaseFilters } from '@/lib/cases/filters';
import { legalBasisText } from '@/lib/format';
import { getVocabularyNames } from '@/lib/i18n/vocabulary-names';

const ALL = [
  'q', 'city', 'region', 'place', 'from', 'to', 'dated', 'charge', 'outcome', 'penalty', 'custody', 'plea', 'election', 'review', 'role', 'confidentiality',
] as const satisfies readonly (keyof CaseFilters)[];
type FilterName = (typeof ALL)[number];

/**
 * The case filters' fields, shared by the case list, the dashboard and the report form so that the
 * same names carry a view from one to the other. `restricted`: the viewer may filter by
 * confidentiality (monitors and admins).
 */
export async function FilterFields({
  filters,
  idPrefix,
  restricted,
  omit = [],
  invalid = [],
}: {
  filters: Partial<CaseFilters>;
  idPrefix: string;
  restricted: boolean;
  /** Filters a page does not offer (names no longer offered, such as a removed filter, are ignored). */
  omit?: readonly string[];
  /** Filters given in the URL but malformed (e.g. 2021-02-30): ignored, and said so beside the field. */
  invalid?: readonly string[];
}) {
  const [t, names] = await Promise.all([getTranslations(), getVocabularyNames()]);
  const { vocab } = names;
  const enumOptions = (name: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`enums.${name}.${v}`) }));
  const options: Partial<Record<FilterName, { value: string | number; label: string }[]>> = {
    city: vocab.places.map((p) => ({ value: p.id, label: names.local(p) })),
    region: vocab.regions.map((r) => ({ value: r, label: names.region(r) })),
    charge: vocab.charges.map((c) => ({ value: c.id, label: `${legalBasisText(t, { legalBasis: c.legalBasis, part: null })}: ${names.local(c)}` })),
    place: [{ value: 'not_stated', label: t('filters.placeNotStated') }],
    dated: [{ value: 'uncertain', label: t('dates.uncertain') }],
    outcome: enumOptions('chargeOutcome', chargeOutcome.enumValues),
    penalty: enumOptions('penaltyKind', penaltyKind.enumValues),
    custody: enumOptions('custodyFilter', CUSTODY_FILTERS),
    plea: enumOptions('plea', plea.enumValues),
    election: vocab.elections.map((e) => ({ value: e.id, label: names.local(e) })),
    review: enumOptions('reviewStatus', reviewStatus.enumValues),
    role: enumOptions('personRole', personRole.enumValues),
    confidentiality: enumOptions('confidentiality', confidentiality.enumValues),
  };
  const shown = ALL.filter((name) => !omit.includes(name) && (name !== 'confidentiality' || restricted));
  return (
    <>
      {shown.map((name) => {
        const id = `${idPrefix}${name}`;
        const value = filters[name];
        const choices = options[name];
        const bad = invalid.includes(name);
        const describedBy = bad ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
        return (
          <div className="field" key={name}>
            <label htmlFor={id}>{t(`filters.${name}`)}</label>
            {choices ? (
              <select id={id} name={name} {...describedBy} defaultValue={value === undefined ? '' : String(value)}>
                <option value="">{t('filters.any')}</option>
                {choices.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} name={name} type={name === 'q' ? 'search' : 'date'} {...describedBy} defaultValue={value === undefined ? '' : String(value)} />
            )}
            {bad && (
              <p id={`${id}-error`} className="error">
                {t(name === 'from' || name === 'to' ? 'filters.invalidDate' : 'filters.invalid')}
              </p>
            )}
          </div>
        );
      })}
    </>
  );
}
