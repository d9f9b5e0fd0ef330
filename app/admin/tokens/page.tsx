import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/guard';
import { listApiTokens } from '@/lib/api-tokens/queries';
import { CreateTokenForm, RevokeTokenForm } from './token-forms';
import { pageTitle } from '@/app/components/page-title';

export const generateMetadata = pageTitle('lists.titles.tokens');

const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

/** Admins create and revoke the partner API's tokens. */
export default async function TokensPage() {
  await requirePermission('manageTokens');
  const [t, tokens] = await Promise.all([getTranslations('apiTokens'), listApiTokens()]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <CreateTokenForm />
      {tokens.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('prefix')}</th>
              <th scope="col">{t('createdBy')}</th>
              <th scope="col">{t('createdAt')}</th>
              <th scope="col">{t('lastUsed')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{token.createdBy}</td>
                <td>{utc(token.createdAt)}</td>
                <td>{token.lastUsedAt ? utc(token.lastUsedAt) : t('never')}</td>
                <td>{token.revokedAt ? t('revoked', { at: utc(token.revokedAt) }) : <RevokeTokenForm id={token.id} name={token.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
