import { ClientMessages } from '@/app/components/client-messages';

/** The catalogue namespaces the capture and upload forms read in the browser (lib/i18n/client-messages.ts). */
export default function SourceLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages feature="evidence">{children}</ClientMessages>;
}
