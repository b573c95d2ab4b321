// The VAT check of an actual cost: does the VAT on the invoice match net × the rate in force on the
// cost's date (the dated table in data/budget/vat-rates.json, vat.ts)? Accounts 15 and 55 expect
// VAT, account 50 (personnel) expects none (compute.ts DEFAULT_VATABLE, the same default as plan lines).
//
// A mismatch is a WARNING, never a refusal: an invoice can legitimately differ – an exempt supply
// (KMS § 16), reverse charge or a foreign supplier (0 VAT), a mixed invoice, a credit note. The cost is
// saved as entered and the answer (201/200) carries `warnings`, which the form shows beside itself.
// Tolerance: 1 cent, for an invoice that rounds per line; anything more is reported.
import type { ActualWarning } from '../contracts/budget.ts';
import { DEFAULT_VATABLE } from './compute.ts';
import { centsToEuros, vatCents } from './money.ts';
import type { Account } from './schema.ts';
import { rateOn, vatTable, type VatRate } from './vat.ts';

const euro = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',').replace('-', '−')} €`;
const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Warnings for one entry (amounts in cents, an ISO date and a valid account). */
export function vatWarnings(e: { date: string; account: string; netCents: number; vatCents: number }, table: VatRate[] = vatTable()): ActualWarning[] {
  const vatable = DEFAULT_VATABLE[e.account as Account] ?? true;
  const rate = vatable ? rateOn(e.date, table) : null;
  if (vatable && !rate) return []; // before the table's first entry: nothing to compare with
  const basisPoints = rate?.basisPoints ?? 0;
  const expected = vatCents(e.netCents, basisPoints);
  if (Math.abs(e.vatCents - expected) <= 1) return [];
  const message = vatable
    ? `Käibemaks ${euro(e.vatCents)} ei vasta ${dmy(e.date)} kehtinud määrale ${basisPoints / 100} % (oodatud ${euro(expected)}). Kulu salvestati; kontrolli arvet (nt maksuvaba käive või pöördmaksustamine võivad erineda).`
    : `EA konto 50 (personalikulud) on käibemaksuta, kuid sisestati käibemaks ${euro(e.vatCents)}. Kulu salvestati; kontrolli arvet.`;
  return [{ code: 'vat_rate_mismatch', message, expectedVat: centsToEuros(expected), expectedPercent: basisPoints / 100 }];
}
