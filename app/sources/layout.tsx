import { pageTitle } from '@/app/components/page-title';

// The default title of every source page (/sources/[id] and its edit page); /sources names itself.
export const generateMetadata = pageTitle('lists.titles.source');

export default function SourcesLayout({ children }: { children: React.ReactNode }) {
  return children;
}
