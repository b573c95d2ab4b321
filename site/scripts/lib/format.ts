// The UI's one way to show dates, numbers and money (Estonian conventions).

/** ISO date or datetime → dd.mm.yyyy. Empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** dd.mm.yyyy (or d.m.yyyy) → ISO yyyy-mm-dd, or null when not a real date. */
export function parseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** ISO datetime → dd.mm.yyyy hh:mm in Estonian time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('et-EE', {
    timeZone: 'Europe/Tallinn', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} ${get('hour')}:${get('minute')}`;
}

const NBSP = '\u00a0';

/** 1547118 → "1 547 118"; decimals with a comma. */
export function formatNumber(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (n < 0 ? '−' : '') + grouped + (frac ? ',' + frac : '');
}

/** Euros (JSON number) → "1 547 118 €" or "1 547 118,50 €". */
export function formatEuro(euros: number): string {
  const cents = Math.round(euros * 100);
  return formatNumber(cents / 100, cents % 100 === 0 ? 0 : 2) + NBSP + '€';
}

/** Share 0..1 → "42 %" (Estonian puts a space before %); "–" when there is no share. */
export function formatPercent(share: number | null | undefined, decimals = 0): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return formatNumber(share * 100, decimals) + NBSP + '%';
}
