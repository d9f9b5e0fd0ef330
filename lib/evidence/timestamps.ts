import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { captureTimestamps, sourceCaptures } from '@/db/schema';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import { requestTimestamp, trustedRootsPem } from './tsa';

/** Said beside a token accepted without TSA_TRUST_FILE: its signature holds, its root is unvetted. */
export const CHAIN_NOT_CHECKED = 'chain not checked against a trusted root (TSA_TRUST_FILE unset)';

/** Whether captures are timestamped at all (TSA_URLS set). */
export function timestampsConfigured(): boolean {
  return env.TSA_URLS.length > 0;
}

/**
 * Asks every authority in TSA_URLS for an RFC 3161 timestamp over the capture's manifest hash
 * (the message imprint is the 32 bytes of manifestSha256, i.e. SHA-256 of the manifest text),
 * verifies each answer and stores a row per authority (capture_timestamps): ok with the token and
 * chain, or failed with a reason safe to show. Never throws: the capture is kept whatever the
 * authorities do. Authorities are asked one after another so a slow one costs at most its timeout.
 */
export async function timestampCapture(
  captureId: number,
  /** Tests and the e2e server point these at a local authority; otherwise TSA_URLS and TSA_TRUST_FILE. */
  options: { tsaUrls?: string[]; trustedRoots?: string | null } = {},
): Promise<void> {
  const tsaUrls = options.tsaUrls ?? env.TSA_URLS;
  if (tsaUrls.length === 0) return;
  try {
    const [capture] = await db
      .select({ manifestSha256: sourceCaptures.manifestSha256 })
      .from(sourceCaptures)
      .where(eq(sourceCaptures.id, captureId));
    if (!capture) return;
    const digest = Buffer.from(capture.manifestSha256, 'hex');
    let roots: string | null;
    try {
      roots = options.trustedRoots === undefined ? trustedRootsPem() : options.trustedRoots;
    } catch (error) {
      logError('Timestamp trust file unreadable', error);
      roots = '';
    }
    for (const tsaUrl of tsaUrls) {
      const reply =
        roots === ''
          ? { ok: false as const, reason: 'trust file could not be read' }
          : await requestTimestamp(tsaUrl, digest, { trustedRoots: roots });
      try {
        await db.insert(captureTimestamps).values(
          reply.ok
            ? {
                captureId,
                tsaUrl,
                status: 'ok',
                token: reply.tokenDer,
                certificates: reply.certificatesPem,
                genTime: reply.genTime,
                serialNumber: reply.serialNumber,
                tsaName: reply.tsaName,
                detail: reply.chainChecked ? null : CHAIN_NOT_CHECKED,
              }
            : { captureId, tsaUrl, status: 'failed', detail: reply.reason },
        );
      } catch (error) {
        logError(`Storing a timestamp of capture ${captureId} failed`, error);
      }
    }
  } catch (error) {
    logError(`Timestamping capture ${captureId} failed`, error);
  }
}
