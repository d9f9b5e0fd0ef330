import 'server-only';
import { env } from '@/lib/env';

/** Whether captures are timestamped at all (TSA_URLS set). */
export function timestampsConfigured(): boolean {
  return env.TSA_URLS.length > 0;
}

/**
 * Asks every authority in TSA_URLS for an RFC 3161 timestamp over the capture's manifest hash,
 * verifies each answer and stores it beside the capture (capture_timestamps).
 * PLACEHOLDER: implemented on branch wt/tsa; the capture pipeline calls it after each capture.
 */
export async function timestampCapture(captureId: number): Promise<void> {
  void captureId;
}
