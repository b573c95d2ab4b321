import { describe, expect, it } from 'vitest';
import { formatDate, formatEuro, formatNumber, formatPercent, parseDate } from '../site/scripts/lib/format.ts';

describe('UI formatting (Estonian)', () => {
  it('shows dates as dd.mm.yyyy and parses them back to ISO', () => {
    expect(formatDate('2026-11-22')).toBe('22.11.2026');
    expect(formatDate('2026-01-05T10:00:00Z')).toBe('05.01.2026');
    expect(parseDate('5.1.2026')).toBe('2026-01-05');
    expect(parseDate('31.02.2026')).toBeNull();
    expect(parseDate('2026-01-05')).toBeNull();
  });

  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatNumber(1547118)).toBe('1\u00a0547\u00a0118');
    expect(formatEuro(1547118)).toBe('1\u00a0547\u00a0118\u00a0€');
    expect(formatEuro(34260.5)).toBe('34\u00a0260,50\u00a0€');
    expect(formatPercent(0.425, 1)).toBe('42,5\u00a0%');
  });
});
