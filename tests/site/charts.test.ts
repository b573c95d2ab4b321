// The one chart module (site/scripts/lib/charts.ts) builds lit-html SVG templates; read here as
// markup in Node. The browser tests render them under the real CSP.
import { describe, expect, it } from 'vitest';
import { barChart, donutChart, lineChart } from '../../site/scripts/lib/charts.ts';
import { toMarkup } from '../helpers/lit-markup.ts';

const fmt = (n: number) => `${n} €`;

describe('charts', () => {
  const grouped = toMarkup(barChart({ title: 'Plaan ja tegelik', series: ['Plaan', 'Tegelik'], data: [{ label: 'A <b>', values: [10, 5] }, { label: 'B', values: [0, 0] }], format: fmt }));
  const donut = toMarkup(donutChart({ title: 'Osakaalud', data: [{ label: 'SF', value: 3 }, { label: 'RES', value: 1 }], format: fmt }));
  const line = toMarkup(lineChart({ title: 'Trend', data: [{ label: '2025-H2', value: 0.2 }, { label: 'praegu', value: 0.5 }] }));

  it('are images with a title and a description that states the numbers, and no style attributes', () => {
    for (const svg of [grouped, donut, line]) {
      expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="(chart\d+)-t \1-d"/);
      expect(svg).toMatch(/<title id="chart\d+-t">[^<]+<\/title><desc id="chart\d+-d">[^<]+<\/desc>/);
      expect(svg).not.toMatch(/style=/);
    }
    expect(grouped).toContain('A &lt;b&gt;: Plaan 10 €, Tegelik 5 €; B: Plaan 0 €, Tegelik 0 €');
    expect(donut).toContain('SF: 3 € (75\u00a0%); RES: 1 € (25\u00a0%)');
    expect(line).toContain('2025-H2: 20\u00a0%; praegu: 50\u00a0%');
  });

  it('prints every value as text and hatches the second series, so colour is not the only cue', () => {
    expect(grouped).toContain('>10 €</text>');
    expect(grouped).toContain('>5 €</text>');
    expect(grouped).toMatch(/<pattern id="chart\d+-p1"/);
    expect(donut).toContain('>SF: 3 € (75\u00a0%)</text>');
  });

  it('draws bars proportional to the largest value, or to a fixed scale with a marker', () => {
    const widths = (svg: string) => [...svg.matchAll(/<rect x="0" y="\d+" width="(\d+)" height="14" fill="(?!#f3f2f1)/g)].map((m) => Number(m[1]));
    expect(widths(toMarkup(barChart({ title: 't', data: [{ label: 'a', values: [50] }, { label: 'b', values: [100] }] })))).toEqual([150, 300]);
    const shares = toMarkup(barChart({ title: 't', data: [{ label: 'a', values: [0.25], marker: 0.5 }], max: 1, markerLabel: 'mediaan' }));
    expect(widths(shares)).toEqual([75]);
    expect(shares).toMatch(/<line x1="150" x2="150"/);
    expect(shares).toContain('a: 0.25 (mediaan 0.5)');
  });
});
