import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { personRole } from '@/db/schema';
import { recordRestrictedView } from '@/lib/audit/views';
import { parseId, requirePermission } from '@/lib/auth/guard';
import { getPersonById } from '@/lib/people/queries';
import { RecordForm } from '@/app/components/record-form';
import { savePerson } from '../../actions';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.personEdit');

export default async function EditPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('write');
  const id = parseId((await params).id);
  const [t, person] = await Promise.all([getTranslations(), getPersonById(user, id)]);
  // A merged person stays as the merge left them (their survivor is the one to edit).
  if (!person || person.mergedIntoId !== null) notFound();
  if (person.notes !== null) await recordRestrictedView(user, 'person', id, 'edit');
  return (
    <>
      <h1>{t('people.editTitle', { name: person.displayName })}</h1>
      <RecordForm
        action={savePerson}
        hidden={{ id: String(person.id), version: String(person.version) }}
        initial={{
          displayName: person.displayName,
          role: person.role,
          affiliation: person.affiliation ?? '',
          notes: person.notes ?? '',
          variants: person.names.map((n) => n.name).filter((n) => n !== person.displayName).join('\n'),
        }}
        fields={[
          { name: 'displayName', label: t('fields.displayName'), required: true },
          { name: 'variants', label: t('fields.variants'), kind: 'textarea', hint: t('people.variantsHint') },
          { name: 'role', label: t('fields.personRole'), kind: 'select', options: personRole.enumValues.map((r) => ({ value: r, label: t(`enums.personRole.${r}`) })) },
          { name: 'affiliation', label: t('fields.affiliation') },
          { name: 'notes', label: t('fields.personNotes'), kind: 'textarea', hint: t('form.notesHint') },
          { name: 'reason', label: t('fields.reason'), hint: t('form.reasonHint') },
        ]}
        submitLabel={t('form.save')}
      />
    </>
  );
}
