// Small accessible SVG charts. Every function returns an SVG string with role="img", <title> and
// <desc>; no style attributes (CSP), colours via fill attributes. Series are told apart by colour
// AND pattern (solid / diagonal hatching) and every bar or segment carries a visible text label,
// so colour is never the only cue. Pages must still show a table with the same numbers.
//
//   barChart({ title, desc, data: [{ label, value }], format })
//   groupedBarChart({ title, desc, series: ['Plaan', 'Tegelik'], data: [{ label, values: [p, a] }], format })
//   donutChart({ title, desc, data: [{ label, value }], format })
//
// Insert the string with innerHTML; every label is escaped here.
import { escapeHtml } from './format.ts';

export interface BarDatum {
  label: string;
  value: number;
}
export interface GroupDatum {
  label: string;
  values: number[];
}
interface Common {
  title: string;
  desc: string;
  /** Formats a value for its text label (e.g. formatEuro). */
  format?: (n: number) => string;
}

/** Fill colours with ≥ 3:1 contrast against white (WCAG 1.4.11) and against each other's patterns. */
export const CHART_COLOURS = ['#1d70b8', '#8a4b00', '#00703c', '#4c2c92', '#b58840', '#d4351c'] as const;
const TEXT = '#0b0c0c';
let uid = 0;

/** <defs> with one solid fill and one hatched pattern per colour; returns ids to use as fill. */
function patterns(prefix: string, n: number): { defs: string; fills: string[] } {
  const fills: string[] = [];
  let defs = '';
  for (let i = 0; i < n; i++) {
    const colour = CHART_COLOURS[i % CHART_COLOURS.length]!;
    if (i % 2 === 0) {
      fills.push(colour);
    } else {
      const id = `${prefix}-p${i}`;
      defs += `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><rect width="4" height="8" fill="${colour}"/></pattern>`;
      fills.push(`url(#${id})`);
    }
  }
  return { defs: defs ? `<defs>${defs}</defs>` : '', fills };
}

function open(width: number, height: number, title: string, desc: string, prefix: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${prefix}-t ${prefix}-d">` +
    `<title id="${prefix}-t">${escapeHtml(title)}</title><desc id="${prefix}-d">${escapeHtml(desc)}</desc>`
  );
}

const LABEL_W = 270;
const BAR_W = 380;
const VALUE_W = 150;

/** Horizontal bars, one per datum, value printed after the bar. */
export function barChart(o: Common & { data: BarDatum[] }): string {
  return groupedBarChart({ ...o, series: [''], data: o.data.map((d) => ({ label: d.label, values: [d.value] })) });
}

/** Horizontal grouped bars (e.g. plan vs actual per initiative) with a legend. */
export function groupedBarChart(o: Common & { series: string[]; data: GroupDatum[] }): string {
  const fmt = o.format ?? String;
  const prefix = `chart${++uid}`;
  const n = o.series.length;
  const barH = 16;
  const groupH = n * barH + 14;
  const legendH = n > 1 || o.series[0] ? 28 : 0;
  const height = legendH + o.data.length * groupH + 8;
  const width = LABEL_W + BAR_W + VALUE_W;
  const max = Math.max(1, ...o.data.flatMap((d) => d.values));
  const { defs, fills } = patterns(prefix, n);
  let svg = open(width, height, o.title, o.desc, prefix) + defs;
  if (legendH) {
    o.series.forEach((s, i) => {
      const x = i * 180;
      svg += `<rect x="${x}" y="6" width="16" height="16" fill="${fills[i]}" stroke="${TEXT}" stroke-width="1"/><text x="${x + 22}" y="19" fill="${TEXT}" font-size="14">${escapeHtml(s)}</text>`;
    });
  }
  o.data.forEach((d, gi) => {
    const y0 = legendH + gi * groupH;
    svg += `<text x="${LABEL_W - 8}" y="${y0 + (n * barH) / 2 + 5}" text-anchor="end" fill="${TEXT}" font-size="13">${escapeHtml(truncate(d.label, 32))}</text>`;
    d.values.forEach((v, i) => {
      const w = Math.max(v > 0 ? 1 : 0, Math.round((Math.max(0, v) / max) * BAR_W));
      const y = y0 + i * barH;
      const series = o.series[i] ? `${o.series[i]}: ` : '';
      svg += `<rect x="${LABEL_W}" y="${y}" width="${w}" height="${barH - 2}" fill="${fills[i]}" stroke="${TEXT}" stroke-width="${w ? 1 : 0}"><title>${escapeHtml(`${d.label} – ${series}${fmt(v)}`)}</title></rect>`;
      svg += `<text x="${LABEL_W + w + 6}" y="${y + barH - 4}" fill="${TEXT}" font-size="12">${escapeHtml(fmt(v))}</text>`;
    });
  });
  return svg + '</svg>';
}

/** Donut of shares with a legend giving label, value and percent. */
export function donutChart(o: Common & { data: BarDatum[] }): string {
  const fmt = o.format ?? String;
  const prefix = `chart${++uid}`;
  const total = o.data.reduce((s, d) => s + Math.max(0, d.value), 0);
  const r = 60;
  const c = 2 * Math.PI * r;
  const height = Math.max(170, o.data.length * 26 + 20);
  const { defs, fills } = patterns(prefix, o.data.length);
  let svg = open(620, height, o.title, o.desc, prefix) + defs;
  let offset = 0;
  o.data.forEach((d, i) => {
    const len = total > 0 ? (Math.max(0, d.value) / total) * c : 0;
    svg += `<circle cx="85" cy="85" r="${r}" fill="none" stroke="${fills[i]}" stroke-width="34" stroke-dasharray="${len.toFixed(2)} ${(c - len).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 85 85)"/>`;
    offset += len;
    const y = 14 + i * 26;
    const pct = total > 0 ? Math.round((Math.max(0, d.value) / total) * 100) : 0;
    svg += `<rect x="180" y="${y}" width="16" height="16" fill="${fills[i]}" stroke="${TEXT}" stroke-width="1"/><text x="204" y="${y + 13}" fill="${TEXT}" font-size="13">${escapeHtml(`${truncate(d.label, 34)}: ${fmt(d.value)} (${pct}\u00a0%)`)}</text>`;
  });
  return svg + '</svg>';
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
