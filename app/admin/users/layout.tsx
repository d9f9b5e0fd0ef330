import { ClientMessages } from '@/app/components/client-messages';

/** The catalogue namespaces these pages' forms read in the browser (lib/i18n/client-messages.ts). */
export default function UsersLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages feature="twoFactor">{children}</ClientMessages>;
}
