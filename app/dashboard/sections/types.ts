import type { filtersToQuery } from '@/lib/cases/filters';
import type { DashboardData } from '@/lib/dashboard/queries';
import type { DashboardParams } from '@/lib/dashboard/params';
import type { ChartId, ChartPanel } from '../chart-set';

/** The case list filtered as the dashboard is, narrowed by `overrides`. */
export type CasesLink = (overrides: Parameters<typeof filtersToQuery>[1]) => string;

/**
 * `charts`: every chart of the view (chart-set.ts); `view`: the view's query string, which each
 * chart's download links carry.
 */
export type SectionProps = { data: DashboardData; params: DashboardParams; cases: CasesLink; charts: Record<ChartId, ChartPanel>; view: string };
