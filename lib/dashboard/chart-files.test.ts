import { describe, expect, it } from 'vitest';
import { chartFileName, csvFile, svgFile } from './chart-files';

describe('dashboard chart files', () => {
  it('writes the numbers as CSV with the formula guard, a BOM and the column names', () => {
    const csv = csvFile({ columns: ['', ''], rows: [['=HYPERLINK("x")', 3], ['Алматы', 12], ['-1 day', 0]] }, 'City', 'Detentions');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('City,Detentions');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",3`);
    expect(lines[2]).toBe('Алматы,12');
    expect(lines[3]).toBe("'-1 day,0");
  });

  it('keeps series names as columns', () => {
    const csv = csvFile({ columns: ['', 'Mazhilis 2021', '+Other'], rows: [['T−1', 2, 1]] }, 'Day', 'Detentions');
    expect(csv.slice(1).split('\r\n')[0]).toBe("Day,Mazhilis 2021,'+Other");
  });

  it('titles the SVG and puts it on white', () => {
    const svg = svgFile('<svg width="10" height="5" xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>', 'Per day <& "x">');
    expect(svg).toContain('<title>Per day &lt;&amp; &quot;x&quot;&gt;</title><rect width="100%" height="100%" fill="#ffffff"/><path');
    expect(svg.startsWith('<?xml')).toBe(true);
  });

  it('names the file after the chart, the period and the day', () => {
    const view = { electionDay: '2021-01-10', from: null, to: null, all: false, filtered: false, today: '2026-11-27' };
    expect(chartFileName('timeline', 'png', view)).toBe('dashboard_timeline_election-2021-01-10_2026-11-27.png');
    expect(chartFileName('cities', 'csv', { ...view, from: '2021-01-01', filtered: true })).toBe('dashboard_cities_2021-01-01_to_end_filtered_2026-11-27.csv');
    expect(chartFileName('roles', 'svg', { ...view, all: true })).toBe('dashboard_roles_all-dates_2026-11-27.svg');
  });
});
