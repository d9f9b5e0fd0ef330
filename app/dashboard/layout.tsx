import { pageTitle } from '@/app/components/page-title';

// The title lives here so the dashboard page (being redesigned separately) stays untouched.
export const generateMetadata = pageTitle('lists.titles.dashboard');

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return children;
}
