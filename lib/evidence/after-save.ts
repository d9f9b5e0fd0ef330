import 'server-only';
import { after } from 'next/server';
import { kickPendingCaptures } from './requests';

/**
 * Call in a server action that may have added sources: once the response has gone, the captures
 * its transaction asked for are made (a slow site never holds up the save). Cheap when nothing is
 * pending. Must be called before `redirect()`, which throws.
 */
export function captureAfterResponse(): void {
  after(() => kickPendingCaptures());
}
