import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { CSV_BOM, csvLine } from '@/lib/exports/cells';
import { templateHeader } from '@/lib/imports/columns';

/** The import template: the columns an import reads (two charges, penalties, events and sources), nothing else. */
export async function GET() {
  const user = await currentRouteUser();
  if (!user) redirect('/login');
  if (!can(user.role, 'import')) return new Response('Forbidden', { status: 403 });
  return new Response(CSV_BOM + csvLine(templateHeader()), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="detentions-import-template.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
