// Pieces every contract uses. The contracts (api/contracts/*) are the one definition of the API's
// shapes: zod schemas, with TypeScript types taken from them (z.infer) and OpenAPI metadata given
// with zod's own .meta(). They import nothing but zod, so the site's scripts may import them.
import { z } from 'zod';

/** A real calendar date in ISO form (YYYY-MM-DD). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Kuupäev peab olema kujul AAAA-KK-PP.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Sellist kuupäeva ei ole.')
  .meta({ example: '2026-12-31' });

/** A user as answers name them: who changed, added or froze something. */
export const PersonSchema = z.object({ id: z.number(), name: z.string() }).meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

/** An object with one property per key, each of the same shape: a closed record the OpenAPI document spells out. */
export function keyed<K extends string, S extends z.ZodType>(keys: readonly K[], value: S) {
  return z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, S>);
}

/** A share 0..1; null when nothing applies. */
export const Share = z.number().nullable();

/** The body of a downloaded file (XLSX, CSV or an evidence file) in the OpenAPI document. */
export const BinaryFile = z.string().meta({ format: 'binary' });
