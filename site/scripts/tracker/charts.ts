// Accessible SVG charts for the tracker. Each chart is role="img" with a title and a description
// that states the numbers, and every page shows the same numbers as a table as well.
import { escapeHtml, formatPercent } from '../lib/format.ts';

export interface Slice {
  label: string;
  value: number;
  color: string;
}

let chartId = 0;
const nextId = () => `chart-${++chartId}`;

function describe(slices: Slice[], total: number): string {
  return slices.map((s) => `${s.label}: ${s.value} (${formatPercent(total ? s.value / total : 0)})`).join('; ');
}

/** Donut of shares with the total in the middle. */
export function donutChart(title: string, slices: Slice[], centerText: string): string {
  const id = nextId();
  const total = slices.reduce((a, s) => a + s.value, 0);
  const r = 60;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const arcs = slices
    .filter((s) => s.value > 0)
    .map((s) => {
      const len = total ? (s.value / total) * c : 0;
      const arc = `<circle cx="90" cy="90" r="${r}" fill="none" stroke="${s.color}" stroke-width="36" stroke-dasharray="${len.toFixed(2)} ${(c - len).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 90 90)"/>`;
      offset += len;
      return arc;
    })
    .join('');
  const legend = slices
    .map((s, i) => `<g transform="translate(200 ${20 + i * 24})"><rect width="16" height="16" fill="${s.color}"/><text x="24" y="13" font-size="14" fill="#0b0c0c">${escapeHtml(s.label)}: ${s.value}</text></g>`)
    .join('');
  return `<svg viewBox="0 0 460 180" width="100%" class="chart" role="img" aria-labelledby="${id}-t ${id}-d">
    <title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(describe(slices, total))}</desc>
    <circle cx="90" cy="90" r="${r}" fill="none" stroke="#f3f2f1" stroke-width="36"/>${arcs}
    <text x="90" y="96" text-anchor="middle" font-size="20" font-weight="700" fill="#0b0c0c">${escapeHtml(centerText)}</text>${legend}</svg>`;
}

export interface Bar {
  label: string;
  share: number;
  /** Optional comparison mark (e.g. the KOV median). */
  marker?: number | null;
  note?: string;
}

/** Horizontal 0–100 % bars, one per row, with the value written beside each bar. */
export function shareBars(title: string, bars: Bar[], markerLabel?: string): string {
  const id = nextId();
  const rowH = 28;
  const labelW = 290;
  const barW = 280;
  const h = bars.length * rowH + 30;
  const rows = bars
    .map((b, i) => {
      const y = i * rowH + 6;
      const w = Math.max(0, Math.min(1, b.share)) * barW;
      const marker =
        b.marker === null || b.marker === undefined
          ? ''
          : `<line x1="${labelW + b.marker * barW}" x2="${labelW + b.marker * barW}" y1="${y - 3}" y2="${y + 21}" stroke="#0b0c0c" stroke-width="3"/>`;
      return `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" font-size="13" fill="#0b0c0c">${escapeHtml(b.label)}</text>
        <rect x="${labelW}" y="${y}" width="${barW}" height="18" fill="#f3f2f1"/>
        <rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="18" fill="#1d70b8"/>${marker}
        <text x="${labelW + barW + 8}" y="${y + 14}" font-size="13" fill="#0b0c0c">${formatPercent(b.share)}</text>`;
    })
    .join('');
  const desc = bars.map((b) => `${b.label}: ${formatPercent(b.share)}${b.marker != null && markerLabel ? ` (${markerLabel} ${formatPercent(b.marker)})` : ''}`).join('; ');
  const legend = markerLabel
    ? `<g transform="translate(${labelW} ${h - 14})"><line x1="0" x2="0" y1="-8" y2="8" stroke="#0b0c0c" stroke-width="3"/><text x="8" y="5" font-size="12" fill="#0b0c0c">${escapeHtml(markerLabel)}</text></g>`
    : '';
  return `<svg viewBox="0 0 640 ${h}" width="100%" class="chart" role="img" aria-labelledby="${id}-t ${id}-d">
    <title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${rows}${legend}</svg>`;
}

/** Line of implemented share across reporting periods. */
export function trendLine(title: string, points: Array<{ label: string; share: number }>): string {
  const id = nextId();
  const w = 560;
  const h = 200;
  const left = 80;
  const bottom = 170;
  const step = points.length > 1 ? (w - left - 30) / (points.length - 1) : 0;
  const xy = points.map((p, i) => [left + i * step, bottom - Math.max(0, Math.min(1, p.share)) * 150] as const);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((g) => `<line x1="${left}" x2="${w - 20}" y1="${bottom - g * 150}" y2="${bottom - g * 150}" stroke="#b1b4b6"/><text x="${left - 6}" y="${bottom - g * 150 + 4}" text-anchor="end" font-size="12" fill="#0b0c0c">${g * 100} %</text>`)
    .join('');
  const line = xy.length > 1 ? `<polyline points="${xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}" fill="none" stroke="#1d70b8" stroke-width="3"/>` : '';
  const dots = xy
    .map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="5" fill="#1d70b8"/><text x="${x}" y="${bottom + 20}" text-anchor="middle" font-size="12" fill="#0b0c0c">${escapeHtml(points[i]!.label)}</text><text x="${x}" y="${y - 10}" text-anchor="middle" font-size="12" fill="#0b0c0c">${formatPercent(points[i]!.share)}</text>`)
    .join('');
  const desc = points.map((p) => `${p.label}: ${formatPercent(p.share)}`).join('; ');
  return `<svg viewBox="0 0 ${w} ${h + 10}" width="100%" class="chart" role="img" aria-labelledby="${id}-t ${id}-d">
    <title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${grid}${line}${dots}</svg>`;
}
