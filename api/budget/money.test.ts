import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePlan } from './analyse.ts';
import { centsToEuros, parseEstonianEuros, parseEuros, vatCents } from './money.ts';
import { buildReport } from './report.ts';
import { parsePeriod } from './periods.ts';
import { parseVatTable, rateForPeriod } from './vat.ts';

describe('money', () => {
  it('parses euros exactly from the decimal string and refuses a third decimal', () => {
    expect(parseEuros(0.1)).toBe(10);
    expect(parseEuros(1547118)).toBe(154711800);
    expect(parseEuros(1.15)).toBe(115); // 1.15 * 100 = 114.99999999999999 as a float
    expect(parseEuros(-2.5)).toBe(-250);
    expect(() => parseEuros(1.005)).toThrow(/kuni 2 komakohta/);
    expect(() => parseEuros(1e21)).toThrow();
    expect(() => parseEuros(Number.NaN)).toThrow();
    expect(parseEstonianEuros('1 234,5')).toBe(123450);
    expect(() => parseEstonianEuros('1,234,5')).toThrow();
  });

  it('rounds VAT half away from zero to the cent', () => {
    expect(vatCents(5, 2000)).toBe(1); // 0.05 × 20 % = 0.01
    expect(vatCents(25, 2000)).toBe(5);
    expect(vatCents(1, 5000)).toBe(1); // exactly half → away from zero
    expect(vatCents(-1, 5000)).toBe(-1);
    expect(vatCents(600000, 2000)).toBe(120000);
  });

  it('rounds trips cents → euros → cents for any amount', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (c) => parseEuros(centsToEuros(c)) === c));
  });
});

describe('VAT rate table and periods', () => {
  const table = parseVatTable({ rates: [{ from: '2009-07-01', percent: 20 }, { from: '2024-01-01', percent: 22 }, { from: '2025-07-01', percent: 24 }] });
  const rate = (p: string) => rateForPeriod(parsePeriod(p)!, table);
  it('takes the rate in force on the first day and refuses a straddling period', () => {
    expect(rate('2023')).toEqual({ ok: true, basisPoints: 2000 });
    expect(rate('2023-12')).toEqual({ ok: true, basisPoints: 2000 });
    expect(rate('2024-Q1')).toEqual({ ok: true, basisPoints: 2200 });
    expect(rate('2025-H1')).toEqual({ ok: true, basisPoints: 2200 });
    expect(rate('2025-H2')).toEqual({ ok: true, basisPoints: 2400 });
    expect(rate('2025')).toMatchObject({ ok: false, reason: expect.stringMatching(/jaga rida väiksemateks perioodideks/) });
    expect(rate('2008')).toMatchObject({ ok: false });
  });
  it('parses every period form', () => {
    expect(parsePeriod('2024-Q3')).toEqual({ key: '2024-Q3', year: 2024, start: '2024-07-01', end: '2024-09-30' });
    expect(parsePeriod('2024-02')!.end).toBe('2024-02-29');
    expect(parsePeriod('2024-H3')).toBeNull();
    expect(parsePeriod('2024-13')).toBeNull();
  });
});

// Random valid plans: the report's totals must equal the sums of exact per-line figures.
const periodArb = fc.oneof(
  fc.constantFrom('2023', '2024', '2025-H1', '2025-H2', '2026'),
  fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);
const lineArb = fc.record({
  period: periodArb,
  account: fc.constantFrom('15', '50', '55' as const),
  net: fc.integer({ min: 0, max: 5e9 }).map((c) => c / 100),
  vatable: fc.option(fc.boolean(), { nil: undefined }),
});
const planArb = fc
  .tuple(fc.array(fc.array(lineArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }))
  .map(([inis, src]) => ({
    name: 'Juhuslik plaan',
    fundingSources: [
      { code: 'SF', name: 'SF', vatTreatment: 'grant_includes_vat' },
      { code: 'BASE', name: 'Baas', vatTreatment: 'vat_from_state_budget' },
      { code: 'RRF', name: 'RRF', vatTreatment: 'vat_added_to_grant' },
    ],
    initiatives: inis.map((lines, i) => ({ code: `I${i}`, name: `Algatus ${i}`, fundingSource: ['SF', 'BASE', 'RRF'][src[i]!]!, lines: lines.map((l) => (l.vatable === undefined ? { ...l, vatable: undefined } : l)) })),
  }));

const rateOf = (period: string) => (period.startsWith('2025-H2') || /^2025-(0[7-9]|1[0-2]|Q[34])$/.test(period) || Number(period.slice(0, 4)) >= 2026 ? 2400 : Number(period.slice(0, 4)) >= 2024 ? 2200 : 2000);

describe('property: totals are the sum of exact lines', () => {
  it('holds for random plans (net, VAT, gross by total, year, account and source)', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const a = analysePlan(JSON.parse(JSON.stringify(plan)));
        const r = buildReport(1, a.computed, a.inconsistencies);
        const lines = plan.initiatives.flatMap((ini) =>
          ini.lines.map((l) => {
            const net = Math.round(l.net * 100);
            const vatable = l.vatable ?? l.account !== '50';
            // independent reference: half away from zero via integer division
            const vat = vatable ? Math.floor((net * rateOf(l.period) + 5000) / 10000) : 0;
            return { ini, l, net, vat, gross: net + vat };
          }),
        );
        const sum = (xs: typeof lines) => xs.reduce((s, x) => ({ net: s.net + x.net, vat: s.vat + x.vat, gross: s.gross + x.gross }), { net: 0, vat: 0, gross: 0 });
        const eur = (s: { net: number; vat: number; gross: number }) => ({ net: s.net / 100, vat: s.vat / 100, gross: s.gross / 100 });
        expect(r.totals).toEqual(eur(sum(lines)));
        for (const [y, v] of Object.entries(r.byPeriod)) expect(v).toEqual(eur(sum(lines.filter((x) => x.l.period.startsWith(y)))));
        for (const [acc, v] of Object.entries(r.byAccount)) expect(v).toEqual(eur(sum(lines.filter((x) => x.l.account === acc))));
        for (const [code, v] of Object.entries(r.bySource)) {
          const { net, vat, gross } = v;
          expect({ net, vat, gross }).toEqual(eur(sum(lines.filter((x) => x.ini.fundingSource === code))));
        }
        for (const line of a.computed.lines) {
          expect(line.gross).toBe(line.net + line.vat);
          expect(line.vat).toBe(line.vatable ? vatCents(line.net, line.rateBasisPoints) : 0);
          expect(Number.isInteger(line.vat)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
