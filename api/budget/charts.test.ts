// The shared chart helper (site/scripts/lib/charts.ts) is plain string building: tested here in Node.
import { describe, expect, it } from 'vitest';
import { barChart, donutChart, groupedBarChart } from '../../site/scripts/lib/charts.ts';

const fmt = (n: number) => `${n} €`;

describe('charts', () => {
  const charts = [
    groupedBarChart({ title: 'Plaan ja tegelik', desc: 'A: 10 / 5', series: ['Plaan', 'Tegelik'], data: [{ label: 'A <b>', values: [10, 5] }, { label: 'B', values: [0, 0] }], format: fmt }),
    barChart({ title: 'Tulbad', desc: 'x', data: [{ label: 'X', value: 3 }], format: fmt }),
    donutChart({ title: 'Osakaalud', desc: 'x', data: [{ label: 'SF', value: 3 }, { label: 'RES', value: 1 }], format: fmt }),
  ];

  it('are images with a title and description and no style attributes', () => {
    for (const svg of charts) {
      expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="(chart\d+)-t \1-d"/);
      expect(svg).toMatch(/<title id="chart\d+-t">[^<]+<\/title><desc id="chart\d+-d">/);
      expect(svg).not.toMatch(/style=/);
    }
  });

  it('escapes labels and prints every value as text, so colour is not the only cue', () => {
    const [grouped, , donut] = charts;
    expect(grouped).toContain('A &lt;b&gt;');
    expect(grouped).not.toContain('<b>');
    expect(grouped).toContain('>10 €</text>');
    expect(grouped).toContain('>5 €</text>');
    expect(grouped).toMatch(/<pattern id="chart\d+-p1"/); // second series is hatched
    expect(donut).toContain('SF: 3 € (75\u00a0%)');
    expect(donut).toContain('RES: 1 € (25\u00a0%)');
  });

  it('draws bars proportional to the largest value', () => {
    const svg = barChart({ title: 't', desc: 'd', data: [{ label: 'a', value: 50 }, { label: 'b', value: 100 }] });
    const widths = [...svg.matchAll(/<rect x="270" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([190, 380]);
  });
});
