import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('errorsPage');
  return (
    <section>
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenText')}</p>
      <Link href="/cases">{t('backToCases')}</Link>
    </section>
  );
}
