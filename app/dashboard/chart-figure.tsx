'use client';

import { hydrate } from 'echarts/ssr/client/index';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * A server-rendered ECharts SVG made clickable: a click on a bar or point opens the case list
 * filtered to it. The same links are in the data table beside each chart, for keyboards and
 * screen readers.
 */
export function ChartFigure({ svg, links, label, className = 'chart' }: { svg: string; links: (string | null)[][]; label: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    if (!ref.current) return;
    hydrate(ref.current, {
      on: {
        click: (params) => {
          if (params.ssrType !== 'chart' || params.dataIndex === undefined) return;
          const href = links[params.seriesIndex ?? 0]?.[params.dataIndex];
          if (href) router.push(href);
        },
      },
    });
  }, [links, router]);
  // The SVG is ECharts' output for our aggregates. Its labels can be text monitors typed (a charge
  // with no vocabulary entry): ECharts escapes all text it draws, and no attribute carries user data
  // (checked in session 25 with markup, style and script in labels, names and titles).
  return <div ref={ref} className={className} role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}
