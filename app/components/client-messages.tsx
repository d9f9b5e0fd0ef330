import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { clientMessages, type ClientFeature } from '@/lib/i18n/client-messages';

/**
 * Gives the client components inside it the catalogue namespaces of `feature` (and those every page
 * has); see lib/i18n/client-messages.ts. Without a feature: what every page has (the root layout).
 */
export async function ClientMessages({ feature, children }: { feature?: ClientFeature; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={clientMessages(messages, feature)}>{children}</NextIntlClientProvider>;
}
