import { describe, expect, it } from 'vitest';
import { barChart } from './charts';

// 72 characters: four lines on a phone, two on a wide screen.
const LONG = 'Taking part in the activities of a banned organisation (CoAO 489(10))';
const bars = [
  { label: LONG, value: 7, href: '/cases?charge=1' },
  { label: 'Unsanctioned picket', value: 3, href: null },
];

/** The label text an SVG shows, lines joined with spaces (a wrapped label is one <text> per line). */
const shownText = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ').replace(/\s+/g, ' ');

describe('bar chart labels', () => {
  it('wrap instead of being cut short, wide and narrow', async () => {
    const chart = await barChart(bars);
    for (const svg of [chart.svg, chart.narrow!]) {
      const text = shownText(svg);
      expect(text).not.toContain('…');
      for (const word of LONG.split(' ')) expect(text).toContain(word);
    }
  });

  it('give every row the height of the longest label, so wrapped lines never overlap', async () => {
    const short = await barChart([{ label: 'Picket', value: 1, href: null }, { label: 'Rally', value: 2, href: null }]);
    const long = await barChart(bars);
    const height = (svg: string) => Number(/height="(\d+)"/.exec(svg)![1]);
    expect(height(long.svg)).toBeGreaterThan(height(short.svg));
  });

  it('shorten only a label longer than four lines, with an ellipsis (the table beside the chart has it in full)', async () => {
    const huge = 'word '.repeat(80).trim();
    const chart = await barChart([{ label: huge, value: 1, href: null }]);
    expect(shownText(chart.svg)).toContain('…');
    expect(chart.table.rows[0][0]).toBe(huge);
  });

  // The SVG goes into the page as markup (chart-figure.tsx): text a monitor typed (a charge with no
  // vocabulary entry) must stay text. Checked in session 25; kept so a change of renderer is caught.
  it('draw typed markup as text, never as elements or attributes', async () => {
    const typed = ['</text><script>alert(1)</script>', '<img src=x onerror=alert(1)>', ']]></style><a href="javascript:alert(1)">x</a>', '"><svg onload=alert(1)>'];
    const chart = await barChart(typed.map((label, i) => ({ label, value: i + 1, href: null })));
    for (const svg of [chart.svg, chart.narrow!]) {
      const tags = svg.match(/<[a-zA-Z][^>]*>/g) ?? [];
      const drawn = new Set(['svg', 'g', 'rect', 'path', 'text', 'tspan', 'style', 'defs', 'clipPath', 'line', 'circle', 'polyline', 'polygon']);
      expect(tags.map((tag) => /^<([\w:-]+)/.exec(tag)![1]).filter((name) => !drawn.has(name))).toEqual([]);
      expect(tags.filter((tag) => /\son\w+=|javascript:/i.test(tag))).toEqual([]);
      expect(svg).toContain('&lt;img');
    }
  });
});
