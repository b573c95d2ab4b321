// Grouping rows into lists by a key, in row order: one push per row (a copy of the list per row,
// `[...(m.get(k) ?? []), v]`, is quadratic in a group's size).

/** Appends `value` to the list at `key`, creating it. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The rows' values grouped by key, each group in row order. */
export function groupBy<T, K, V>(rows: Iterable<T>, key: (row: T) => K, value: (row: T) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const r of rows) pushTo(out, key(r), value(r));
  return out;
}
