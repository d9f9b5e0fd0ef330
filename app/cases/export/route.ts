import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { auditedCaseFilters } from '@/lib/audit/filters';
import { recordAudit } from '@/lib/audit/log';
import { can } from '@/lib/auth/policy';
import { currentRouteUser } from '@/lib/auth/guard';
import { readCaseFilters } from '@/lib/cases/filters';
import { getTranslations } from 'next-intl/server';
import { HEADER_STYLES, localisedHeader } from '@/lib/exports/headers';
import { publicOrigin } from '@/lib/exports/origin';
import { loggedFilters, notesAllowed } from '@/lib/exports/queries';
import { FILE_FORMATS, startExport } from '@/lib/exports/stream';
import { clientIp } from '@/lib/request/client';
import { fileMetadata } from '@/lib/reports/dataset';
import { getDatasetVersion } from '@/lib/reports/queries';

export const dynamic = 'force-dynamic';

const formatInput = z.enum(FILE_FORMATS);
const headersInput = z.enum(HEADER_STYLES);

/**
 * GET /cases/export?format=csv|xlsx|json&<the /cases filters>[&notes=1]: the filtered case list as
 * a file, streamed, within what the user may see. notes=1 adds internal notes for monitors and
 * admins only; for anyone else it is ignored. headers=localised writes the CSV/XLSX column headers
 * in the reader's language instead of the stable English names (docs/csv-columns.md).
 */
export async function GET(request: NextRequest) {
  const user = await currentRouteUser();
  if (!user) redirect('/login');
  if (!can(user.role, 'read')) return new Response('Forbidden', { status: 403 });
  const params = request.nextUrl.searchParams;
  const format = formatInput.safeParse(params.get('format') ?? 'csv');
  if (!format.success) return new Response('Unknown format: use csv, xlsx or json.', { status: 400 });
  const headers = headersInput.safeParse(params.get('headers') ?? 'stable');
  if (!headers.success) return new Response('Unknown headers: use stable or localised.', { status: 400 });
  const { filters, invalid } = readCaseFilters(params);
  // A file built without a filter the reader asked for would mislead: refuse it, naming the filter.
  if (invalid.length) return new Response(`Invalid filter: ${invalid.join(', ')}.`, { status: 400 });
  const includeNotes = params.get('notes') === '1';
  const ip = await clientIp();
  const t = headers.data === 'localised' ? await getTranslations() : null;
  // The dataset version of these rows (as the PDF's): in JSON `meta`, the XLSX "Metadata" sheet and,
  // for every format (the CSV's only place), the response headers. Read just before the rows stream.
  const now = new Date();
  const version = await getDatasetVersion(user, filters);
  const meta = fileMetadata(version, { filters: Object.entries(loggedFilters(filters)).map(([k, v]) => [k, String(v)]), now });
  const file = await startExport(user, filters, format.data, {
    now,
    meta,
    origin: publicOrigin(request),
    includeNotes,
    header: t ? (name) => localisedHeader(t, name) : undefined,
    // Recorded once the rows are counted, i.e. when the download ends (or is cut off).
    onFinish: (rows, completed) =>
      recordAudit({
        action: 'export',
        actorId: user.id,
        ip,
        details: { filters: auditedCaseFilters(filters), format: format.data, notes: notesAllowed(user, includeNotes), rows, completed },
      }),
  });
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Dataset-Version': version.sha256,
      'X-Row-Count': String(version.rows),
      'X-Generated-Utc': meta.generatedUtc,
      'X-App-Version': meta.appVersion,
    },
  });
}
