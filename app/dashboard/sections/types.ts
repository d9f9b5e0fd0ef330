import type { filtersToQuery } from '@/lib/cases/filters';
import type { DashboardData } from '@/lib/dashboard/queries';
import type { DashboardParams } from '@/lib/dashboard/params';

/** The case list filtered as the dashboard is, narrowed by `overrides`. */
export type CasesLink = (overrides: Parameters<typeof filtersToQuery>[1]) => string;

export type SectionProps = { data: DashboardData; params: DashboardParams; cases: CasesLink };
