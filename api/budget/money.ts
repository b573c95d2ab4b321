// Money is integer cents everywhere; euros appear only at the edges (JSON in and out).
// Amounts are parsed from the number's decimal string, never by multiplying a float.

export class MoneyError extends Error {}

const MAX_CENTS = 100_000_000_000_000; // one trillion euros: far above any budget, well inside 2^53

/** A JSON number (or decimal string) of euros with at most 2 decimals → integer cents. */
export function parseEuros(value: unknown): number {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new MoneyError(`summa peab olema number eurodes (saadi ${JSON.stringify(value)})`);
  const frac = m[3] ?? '';
  if (frac.length > 2) throw new MoneyError(`summal võib olla kuni 2 komakohta (saadi ${text})`);
  const cents = Number(m[2]) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) throw new MoneyError(`summa on liiga suur (${text})`);
  return m[1] === '-' && cents !== 0 ? -cents : cents;
}

/** Integer cents → euros as a JSON number with at most 2 decimals (exact: cents/100 prints shortest). */
export function centsToEuros(cents: number): number {
  return cents / 100;
}

/** net × percent/100 (basis points ÷ 10 000) rounded half away from zero to the cent, in integers. */
export function vatCents(netCents: number, rateBasisPoints: number): number {
  const abs = BigInt(Math.abs(netCents)) * BigInt(rateBasisPoints);
  const rounded = Number((abs + 5000n) / 10000n);
  return netCents < 0 ? -rounded : rounded;
}

/** "1234,5" or "1 234,50" (Estonian decimal comma, optional spaces) → cents. */
export function parseEstonianEuros(text: string): number {
  const cleaned = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (cleaned.includes(',')) throw new MoneyError(`vigane summa "${text}"`);
  return parseEuros(cleaned);
}
