import { z } from 'zod';
import { MEASURE_ID_RE, THREAT_ID_RE, splitList, type MeasureClass } from '../ids.ts';
import { CatalogInputError, assertUnique, validateRecords } from './bundle.ts';

/** One row of a per-measure profile table (profile_combo_250107.json): priority columns + threats. */
export interface ProfileRow {
  measure: string;
  threats: string[];
  /** column name → 'P1' | 'P2' | 'P3' | '' (not in that profile) */
  columns: Record<string, string>;
  /** The measure's class in the table's measure set (the 2023 one), when the table says. */
  class: MeasureClass | null;
}

const LEVEL_CLASS: Record<string, MeasureClass> = { Põhimeede: 'basic', Standardmeede: 'standard', Kõrgmeede: 'high' };

const RowSchema = z
  .object({
    measure: z.string().regex(MEASURE_ID_RE, 'meetme tähis on vigane'),
    threats: z
      .string()
      .refine((t) => splitList(t, /,/).every((c) => THREAT_ID_RE.test(c)), 'ohud peavad olema kujul "G 0.1, G 0.2"')
      .optional(),
  })
  .catchall(z.unknown());

export function parseProfileRows(data: unknown, label: string, column?: string): ProfileRow[] {
  if (!Array.isArray(data)) throw new CatalogInputError(`${label}: ootasin meetmete massiivi`);
  const rows = validateRecords(RowSchema, data, label, 'measure');
  assertUnique(rows.map((r) => r.measure), label);
  return rows.map((r, i) => {
    const columns: Record<string, string> = {};
    for (const [k, v] of Object.entries(r)) if (typeof v === 'string' && /^(P[123])?$/.test(v)) columns[k] = v;
    if (column !== undefined) {
      const raw = r[column];
      if (raw === undefined) throw new CatalogInputError(`${label}: kirje nr ${i + 1} (measure "${r.measure}"): veerg "${column}" puudub`);
      if (typeof raw !== 'string' || !/^(P[123])?$/.test(raw)) {
        throw new CatalogInputError(`${label}: kirje nr ${i + 1} (measure "${r.measure}"), väli "${column}": prioriteet peab olema P1, P2, P3 või tühi`);
      }
    }
    const level = typeof r['level'] === 'string' ? r['level'] : '';
    return { measure: r.measure, threats: splitList(r.threats ?? '', /,/), columns, class: LEVEL_CLASS[level] ?? null };
  });
}
