// Shared helpers of the benchmark: timing, percentiles, HTTP load with autocannon, the result table.
import autocannon from 'autocannon';

export interface Figure {
  id: string;
  label: string;
  unit: 'ms' | 'req/s' | 'ops/s' | 's' | 'bytes' | 'share';
  value: number | null;
  /** The floor on the same machine (same unit); null when it does not apply. */
  floor: number | null;
  /** value / floor (lower is better for times, higher for throughputs). */
  ratio: number | null;
  goal?: string;
  met?: boolean;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): { p50: number; p95: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), n: s.length };
}

/** Runs `fn` for `warmup` rounds, then times `rounds` runs (ms each). */
export function timeSync(fn: () => unknown, rounds: number, warmup = 3): { p50: number; p95: number; n: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

export interface LoadResult {
  p50: number;
  p95: number;
  rps: number;
  total: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failures: number;
}

/** HTTP load with autocannon; latency percentiles from every response's own time. */
export async function load(opts: Parameters<typeof autocannon>[0]): Promise<LoadResult> {
  const times: number[] = [];
  const run = autocannon({ timeout: 30, ...opts });
  run.on('response', (_c, status, _b, ms) => {
    if (status < 300) times.push(ms);
  });
  const r = await run;
  const { p50, p95 } = summarize(times);
  return { p50, p95, rps: r.requests.total / (r.duration || 1), total: r.requests.total, failures: r.non2xx + r.errors + r.timeouts };
}

export function ratioFigure(f: Omit<Figure, 'ratio'>): Figure {
  const ratio = f.value != null && f.floor != null && f.floor > 0 ? f.value / f.floor : null;
  return { ...f, ratio };
}

const fmt = (v: number | null, unit: string) =>
  v == null ? '—' : unit === 'share' ? v.toFixed(3) : unit === 'bytes' ? `${(v / 1024).toFixed(1)} KiB` : unit === 'ms' ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : `${v.toFixed(unit === 's' ? 1 : 0)} ${unit}`;

export function printTable(figures: Figure[], out: NodeJS.WritableStream = process.stdout): void {
  const rows = figures.map((f) => [
    f.label,
    fmt(f.value, f.unit),
    fmt(f.floor, f.unit),
    f.ratio == null ? '—' : `${f.ratio.toFixed(2)}×`,
    f.goal ? `${f.goal} ${f.met ? 'OK' : 'NOT MET'}` : '',
    f.note ?? '',
  ]);
  const head = ['figure', 'value', 'floor', 'ratio', 'goal', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  out.write(line(head) + '\n' + widths.map((w) => '-'.repeat(w)).join('  ') + '\n');
  for (const r of rows) out.write(line(r) + '\n');
}

export const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
