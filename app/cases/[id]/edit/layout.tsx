import { ClientMessages } from '@/app/components/client-messages';

/** The catalogue namespaces these pages' forms read in the browser (lib/i18n/client-messages.ts). */
export default function EditCaseLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages feature="caseForm">{children}</ClientMessages>;
}
