/**
 * Words for the dashboard's bars, shared by the page and the PDF report so both name a bar alike.
 * `t` is a translator for the root namespace.
 */
import { legalBasisText } from '@/lib/format';
import type { ChargeBar } from './queries';
import { CUSTODY_BUCKETS } from './queries';

type T = (key: string, values?: Record<string, string | number>) => string;

/** "CoAO art. 488(3)", "CoAO art. 488 (part not stated)", "Charge text only (no article)". */
export function chargeBarLabel(t: T, bar: Pick<ChargeBar, 'legalBasis' | 'part' | 'chargeId' | 'textOnly'>): string {
  if (bar.chargeId === null || !bar.legalBasis) return t(bar.textOnly ? 'dashboard.textOnly' : 'dashboard.noArticle');
  return bar.part ? legalBasisText(t, { legalBasis: bar.legalBasis, part: bar.part })! : t('dashboard.partNotStated', { basis: legalBasisText(t, { legalBasis: bar.legalBasis, part: null })! });
}

/** "up to 7 days", "more than 365 days". */
export function custodyBucketLabel(t: T, upTo: number): string {
  const last = CUSTODY_BUCKETS.at(-1)!;
  return upTo > last ? t('dashboard.custodyBucketOver', { days: last }) : t('dashboard.custodyBucket', { days: upTo });
}
