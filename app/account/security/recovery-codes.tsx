import { useTranslations } from 'next-intl';

/** The ten new recovery codes, shown this once (only their hashes are kept). */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations('twoFactor');
  return (
    <section className="banner stack" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t('codesTitle')}</h2>
      <p>{t('codesNote')}</p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
