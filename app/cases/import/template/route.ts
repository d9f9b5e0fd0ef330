import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { CSV_BOM, csvLine } from '@/lib/exports/cells';
import { exportHeader } from '@/lib/exports/columns';

/** The import template: the CSV export's header (two source groups, notes), nothing else. */
export async function GET() {
  const user = await currentRouteUser();
  if (!user) redirect('/login');
  if (!can(user.role, 'import')) return new Response('Forbidden', { status: 403 });
  return new Response(CSV_BOM + csvLine(exportHeader({ sourceCount: 2, includeNotes: true })), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="detentions-import-template.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
