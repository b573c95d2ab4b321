import { describe, expect, it } from 'vitest';
import { statusLabel } from '../contracts/labels.ts';
import { dateCell, formatIsoDate, formatTimestamp, slug, timestampCell } from './format.ts';

describe('export formatting', () => {
  it('shows timestamps in Tallinn time across daylight saving', () => {
    expect(formatTimestamp('2026-07-01T21:30:00Z')).toBe('02.07.2026 00:30'); // UTC+3
    expect(formatTimestamp('2026-01-01T21:30:00.123Z')).toBe('01.01.2026 23:30'); // UTC+2
    expect(formatTimestamp(null)).toBe('');
    expect(timestampCell('2026-07-01T21:30:00Z')!.toISOString()).toBe('2026-07-02T00:30:00.000Z');
  });

  it('formats dates as dd.mm.yyyy and as UTC-midnight date cells', () => {
    expect(formatIsoDate('2027-03-31')).toBe('31.03.2027');
    expect(formatIsoDate(null)).toBe('');
    expect(dateCell('2027-03-31')!.toISOString()).toBe('2027-03-31T00:00:00.000Z');
    expect(dateCell(null)).toBeNull();
  });

  it('labels centrally delivered measures only while the municipality has not assessed them', () => {
    expect(statusLabel('not_assessed', 'ELVL')).toBe('tagatud keskselt (ELVL)');
    expect(statusLabel('partial', 'ELVL')).toBe('osaliselt rakendatud');
    expect(statusLabel('not_assessed', null)).toBe('hindamata');
  });

  it('makes ASCII file-name parts from Estonian names', () => {
    expect(slug('Jõelähtme vald')).toBe('joelahtme-vald');
    expect(slug('Türi vald')).toBe('turi-vald');
    expect(slug('Kohtla-Järve linn')).toBe('kohtla-jarve-linn');
  });
});
