import { describe, expect, it } from 'vitest';
import { tallinnToday } from './today.ts';

describe('tallinnToday', () => {
  it('turns the day at midnight in Tallinn, not at midnight UTC', () => {
    // Winter, UTC+2: 23:59 and 00:00 local.
    expect(tallinnToday(new Date('2026-11-22T21:59:59.999Z'))).toBe('2026-11-22');
    expect(tallinnToday(new Date('2026-11-22T22:00:00.000Z'))).toBe('2026-11-23');
    // Summer, UTC+3: 00:30 local is still the previous day in UTC.
    expect(tallinnToday(new Date('2026-07-01T20:59:59.999Z'))).toBe('2026-07-01');
    expect(tallinnToday(new Date('2026-07-01T21:30:00.000Z'))).toBe('2026-07-02');
  });

  it('does not keep an old day when asked again within the same minute of another day', () => {
    // The memo is per UTC minute; two calls a day apart in the same minute-of-hour must differ.
    expect(tallinnToday(Date.parse('2026-03-28T23:10:00Z'))).toBe('2026-03-29');
    expect(tallinnToday(Date.parse('2026-03-29T23:10:00Z'))).toBe('2026-03-30');
    expect(tallinnToday(Date.parse('2026-03-29T23:10:30Z'))).toBe('2026-03-30');
    expect(tallinnToday(Date.parse('2026-03-28T23:10:30Z'))).toBe('2026-03-29');
  });
});
