import { getTranslations } from 'next-intl/server';

/** In-page links to the dashboard's sections (ids of their headings). */
export async function Contents({ sections }: { sections: { id: string; label: string }[] }) {
  const t = await getTranslations('dashboardView');
  return (
    <nav className="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading">{t('contents')}</h2>
      <ol>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`}>{s.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
