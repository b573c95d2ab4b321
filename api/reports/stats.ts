// Order statistics for the ELVL overview and the benchmark.

/** Quantile q (0..1) with linear interpolation between order statistics (R type 7, Excel QUARTILE.INC). */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: number[]) => quantile(values, 0.5);

/** The non-null numbers of a list. */
export const present = (values: Array<number | null | undefined>): number[] => values.filter((v): v is number => typeof v === 'number');
