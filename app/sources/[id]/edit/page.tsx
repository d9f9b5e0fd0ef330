import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { parseId, requirePermission } from '@/lib/auth/guard';
import { formatPartialDate } from '@/lib/dates/partial-date';
import { getSourceById } from '@/lib/sources/queries';
import { RecordForm } from '@/app/components/record-form';
import { saveSource } from '../../actions';

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('write');
  const id = parseId((await params).id);
  const [t, source] = await Promise.all([getTranslations(), getSourceById(user, id)]);
  if (!source) notFound();
  return (
    <>
      <h1>{t('sources.editTitle')}</h1>
      <RecordForm
        action={saveSource}
        hidden={{ id: String(source.id), version: String(source.version) }}
        initial={{
          url: source.url,
          title: source.title,
          publisher: source.publisher ?? '',
          publishedOn: formatPartialDate({ date: source.publishedOn, precision: source.publishedPrecision }),
          language: source.language ?? '',
          accessedOn: source.accessedOn ?? '',
        }}
        fields={[
          { name: 'url', label: t('fields.sourceUrl') },
          { name: 'title', label: t('fields.sourceTitle') },
          { name: 'publisher', label: t('fields.source_publisher') },
          { name: 'publishedOn', label: t('fields.source_publishedOn'), hint: t('form.dateHint') },
          { name: 'language', label: t('fields.source_language') },
          { name: 'accessedOn', label: t('fields.accessedOn'), hint: t('form.dateHint') },
          { name: 'reason', label: t('fields.reason'), hint: t('form.reasonHint') },
        ]}
        submitLabel={t('form.save')}
      />
    </>
  );
}
