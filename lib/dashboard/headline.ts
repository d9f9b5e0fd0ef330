/**
 * The dashboard's headline: what the view's numbers say, in words. A pure function of the
 * dashboard's data (and the view's filters), so the page and its tests read the same story; the
 * words themselves are in the catalogues (dashview.headline*), with ICU plurals per language.
 */
import type { DashboardParams } from './params';

/** The parts of the dashboard data the headline reads (DashboardData satisfies it). */
export type HeadlineInput = {
  lens: { name: string; heldOn: string } | null;
  scope: { from: string | null; to: string | null; undatedElectionId: number | null; all?: true };
  totals: { detentions: number; arrestDays: number };
  uncertain: Record<DashboardParams['axis'], number>;
  timeline: { days: { offset: number; count: number }[] }[];
};

/** Fewer detentions than this in a view: the figures are examples, not a trend. */
export const SPARSE_BELOW = 5;
/** "The last two weeks" before election day. */
export const RECENT_DAYS = 14;

export type Headline =
  | { kind: 'empty'; filtered: boolean }
  | {
      kind: 'window';
      election: string;
      heldOn: string;
      /** Days in the window before and after election day. */
      daysBefore: number;
      daysAfter: number;
      /** Dated detentions (on the view's axis) before election day, in its last RECENT_DAYS days, and on or after it. */
      before: number;
      recent: number;
      /** Whether the window before election day is longer than RECENT_DAYS (else "the last two weeks" says nothing). */
      showRecent: boolean;
      after: number;
      /** Counted in the view but with no day on the axis: on no timeline. */
      uncertain: number;
      total: number;
      arrestDays: number;
      filtered: number;
      sparse: boolean;
    }
  | { kind: 'range'; from: string | null; to: string | null; all: boolean; total: number; uncertain: number; arrestDays: number; filtered: number; sparse: boolean };

/**
 * `filtered`: how many filters narrow the view (beyond its period), so the headline can say the
 * numbers are not the whole picture.
 */
export function computeHeadline(data: HeadlineInput, params: Pick<DashboardParams, 'before' | 'after' | 'axis'>, filtered: number): Headline {
  const total = data.totals.detentions;
  if (total === 0) return { kind: 'empty', filtered: filtered > 0 };
  const sparse = total < SPARSE_BELOW;
  const uncertain = data.uncertain[params.axis];
  const arrestDays = data.totals.arrestDays;
  const days = data.timeline[0]?.days ?? [];
  if (data.scope.undatedElectionId !== null && data.lens) {
    const sum = (keep: (offset: number) => boolean) => days.reduce((a, d) => a + (keep(d.offset) ? d.count : 0), 0);
    return {
      kind: 'window',
      election: data.lens.name,
      heldOn: data.lens.heldOn,
      daysBefore: params.before,
      daysAfter: params.after,
      before: sum((o) => o < 0),
      recent: sum((o) => o < 0 && o >= -RECENT_DAYS),
      showRecent: params.before > RECENT_DAYS,
      after: sum((o) => o >= 0),
      uncertain,
      total,
      arrestDays,
      filtered,
      sparse,
    };
  }
  return { kind: 'range', from: data.scope.from, to: data.scope.to, all: Boolean(data.scope.all), total, uncertain, arrestDays, filtered, sparse };
}
