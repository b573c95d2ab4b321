// The site's one chart module: small accessible SVG charts as lit-html templates (values are
// escaped by lit; no style attributes, colours are fill attributes, so the CSP holds). Each chart is
// role="img" with a <title> and a <desc> that states every number; pages also show the numbers as a
// table. Colour is never the only cue: every bar and slice has a text label, and alternate series
// are hatched. Labels sit above their bars, so a chart stays legible when a phone scales it down.
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit-html';
import { formatPercent } from './format.ts';

export interface Datum {
  label: string;
  value: number;
  /** Fill colour; by default the palette in order, every second one hatched. */
  colour?: string;
}
export interface BarGroup {
  label: string;
  values: number[];
  /** A comparison mark on the value axis (e.g. the peer median), drawn as a vertical line. */
  marker?: number | null;
}
interface Common {
  title: string;
  /** The text alternative; generated from the data when left out. */
  desc?: string;
  /** Formats a value for its text label (e.g. formatEuro, formatPercent). */
  format?: (n: number) => string;
}

/** Fill colours with ≥ 3:1 contrast against white (WCAG 1.4.11) and against each other's patterns. */
export const CHART_COLOURS = ['#1d70b8', '#8a4b00', '#00703c', '#4c2c92', '#b58840', '#d4351c'] as const;
const TEXT = '#0b0c0c';
const TRACK = '#f3f2f1';
let uid = 0;

interface Fills {
  defs: SVGTemplateResult | typeof nothing;
  fills: string[];
}

/** One fill per series: solid, or a hatched pattern for every second palette colour. */
function fillsFor(prefix: string, colours: Array<string | undefined>): Fills {
  const patterns: SVGTemplateResult[] = [];
  const fills = colours.map((given, i) => {
    if (given) return given;
    const colour = CHART_COLOURS[i % CHART_COLOURS.length]!;
    if (i % 2 === 0) return colour;
    const id = `${prefix}-p${i}`;
    patterns.push(
      svg`<pattern id=${id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"></rect><rect width="4" height="8" fill=${colour}></rect></pattern>`,
    );
    return `url(#${id})`;
  });
  return { defs: patterns.length ? svg`<defs>${patterns}</defs>` : nothing, fills };
}

function frame(prefix: string, width: number, height: number, o: Common, desc: string, body: unknown): TemplateResult {
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width=${width} height=${height} aria-labelledby="${prefix}-t ${prefix}-d"><title id="${prefix}-t">${o.title}</title><desc id="${prefix}-d">${o.desc ?? desc}</desc>${body}</svg>`;
}

const BAR_W = 300;
const BAR_H = 16;

/**
 * Horizontal bars, one group per datum with its label on the line above (e.g. plan vs actual per
 * initiative). `max` fixes the scale (1 for shares); by default the largest value fills the width.
 */
export function barChart(o: Common & { series?: string[]; data: BarGroup[]; max?: number; markerLabel?: string }): TemplateResult {
  const fmt = o.format ?? String;
  const prefix = `chart${++uid}`;
  const series = o.series ?? [''];
  const n = series.length;
  const { defs, fills } = fillsFor(prefix, series.map(() => undefined));
  const legend = n > 1 || series[0] || o.markerLabel ? 26 : 0;
  const groupH = 20 + n * BAR_H + 10;
  const max = o.max ?? Math.max(1, ...o.data.flatMap((d) => d.values));
  const scale = (v: number) => Math.round((Math.min(max, Math.max(0, v)) / max) * BAR_W);
  const keys = series.map((s, i) =>
    s ? svg`<rect x=${i * 150} y="4" width="16" height="16" fill=${fills[i]!} stroke=${TEXT}></rect><text x=${i * 150 + 22} y="17" fill=${TEXT} font-size="14">${s}</text>` : nothing,
  );
  const markerKey = o.markerLabel
    ? svg`<line x1=${n * 150 + 8} x2=${n * 150 + 8} y1="2" y2="22" stroke=${TEXT} stroke-width="3"></line><text x=${n * 150 + 16} y="17" fill=${TEXT} font-size="14">${o.markerLabel}</text>`
    : nothing;
  const groups = o.data.map((d, gi) => {
    const y0 = legend + gi * groupH;
    const bars = d.values.map((v, i) => {
      const y = y0 + 20 + i * BAR_H;
      const w = v > 0 ? Math.max(1, scale(v)) : 0;
      return svg`<rect x="0" y=${y} width=${BAR_W} height=${BAR_H - 2} fill=${TRACK}></rect><rect x="0" y=${y} width=${w} height=${BAR_H - 2} fill=${fills[i]!} stroke=${TEXT} stroke-width=${w ? 1 : 0}></rect><text x=${BAR_W + 8} y=${y + BAR_H - 4} fill=${TEXT} font-size="13">${fmt(v)}</text>`;
    });
    const m = d.marker;
    const mark = m === null || m === undefined ? nothing : svg`<line x1=${scale(m)} x2=${scale(m)} y1=${y0 + 16} y2=${y0 + 20 + n * BAR_H + 2} stroke=${TEXT} stroke-width="3"></line>`;
    return svg`<text x="0" y=${y0 + 15} fill=${TEXT} font-size="14">${truncate(d.label, 52)}</text>${bars}${mark}`;
  });
  const desc = o.data
    .map((d) => `${d.label}: ${d.values.map((v, i) => `${series[i] ? `${series[i]} ` : ''}${fmt(v)}`).join(', ')}${d.marker != null && o.markerLabel ? ` (${o.markerLabel} ${fmt(d.marker)})` : ''}`)
    .join('; ');
  const height = legend + o.data.length * groupH + 4;
  return frame(prefix, BAR_W + 120, height, o, desc, svg`${defs}${keys}${markerKey}${groups}`);
}

/** Donut of parts of a whole with a text in the middle and a legend beneath giving each value and share. */
export function donutChart(o: Common & { data: Datum[]; center?: string }): TemplateResult {
  const fmt = o.format ?? String;
  const prefix = `chart${++uid}`;
  const total = o.data.reduce((s, d) => s + Math.max(0, d.value), 0);
  const share = (v: number) => (total > 0 ? Math.max(0, v) / total : 0);
  const r = 60;
  const c = 2 * Math.PI * r;
  const { defs, fills } = fillsFor(prefix, o.data.map((d) => d.colour));
  let offset = 0;
  const arcs = o.data.map((d, i) => {
    const len = share(d.value) * c;
    const arc = len
      ? svg`<circle cx="80" cy="80" r=${r} fill="none" stroke=${fills[i]!} stroke-width="34" stroke-dasharray="${len.toFixed(2)} ${(c - len).toFixed(2)}" stroke-dashoffset=${(-offset).toFixed(2)} transform="rotate(-90 80 80)"></circle>`
      : nothing;
    offset += len;
    return arc;
  });
  const text = (d: Datum) => `${d.label}: ${fmt(d.value)} (${formatPercent(share(d.value))})`;
  const legendH = o.data.length * 24;
  const legend = o.data.map(
    (d, i) => svg`<rect x="0" y=${176 + i * 24} width="16" height="16" fill=${fills[i]!} stroke=${TEXT}></rect><text x="24" y=${189 + i * 24} fill=${TEXT} font-size="14">${truncate(text(d), 44)}</text>`,
  );
  const centre = o.center ? svg`<text x="80" y="87" text-anchor="middle" font-size="20" font-weight="700" fill=${TEXT}>${o.center}</text>` : nothing;
  const body = svg`${defs}<circle cx="80" cy="80" r=${r} fill="none" stroke=${TRACK} stroke-width="34"></circle>${arcs}${centre}${legend}`;
  return frame(prefix, 340, 176 + legendH, o, o.data.map(text).join('; '), body);
}

/** Shares (0..1) over periods as a line with every point labelled. */
export function lineChart(o: Common & { data: Datum[] }): TemplateResult {
  const fmt = o.format ?? ((n: number) => formatPercent(n));
  const prefix = `chart${++uid}`;
  const [w, left, bottom, span] = [420, 52, 170, 140];
  const step = o.data.length > 1 ? (w - left - 30) / (o.data.length - 1) : 0;
  // Period labels need ~56 units each; with more points every k-th is written (the desc lists all).
  const every = Math.max(1, Math.ceil(56 / (step || 56)));
  const xy = o.data.map((d, i) => [left + i * step, bottom - Math.max(0, Math.min(1, d.value)) * span] as const);
  const grid = [0, 0.5, 1].map(
    (g) => svg`<line x1=${left} x2=${w - 10} y1=${bottom - g * span} y2=${bottom - g * span} stroke="#b1b4b6"></line><text x=${left - 6} y=${bottom - g * span + 4} text-anchor="end" font-size="13" fill=${TEXT}>${formatPercent(g)}</text>`,
  );
  const line = xy.length > 1 ? svg`<polyline points=${xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} fill="none" stroke=${CHART_COLOURS[0]} stroke-width="3"></polyline>` : nothing;
  const dots = xy.map(([x, y], i) => {
    const show = i % every === 0 || i === xy.length - 1;
    return svg`<circle cx=${x} cy=${y} r="5" fill=${CHART_COLOURS[0]}></circle>${show
      ? svg`<text x=${x} y=${bottom + 20} text-anchor="middle" font-size="13" fill=${TEXT}>${o.data[i]!.label}</text><text x=${x} y=${y - 10} text-anchor="middle" font-size="13" fill=${TEXT}>${fmt(o.data[i]!.value)}</text>`
      : nothing}`;
  });
  const desc = o.data.map((d) => `${d.label}: ${fmt(d.value)}`).join('; ');
  return frame(prefix, w, bottom + 30, o, desc, svg`${grid}${line}${dots}`);
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
