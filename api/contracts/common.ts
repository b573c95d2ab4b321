import { z } from 'zod';
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Kuupäev peab olema kujul AAAA-KK-PP.').refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s; }, 'Sellist kuupäeva ei ole.').meta({ example: '2026-12-31' });
export const PersonSchema = z.object({ id: z.number(), name: z.string() }).meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;
export const BinaryFile = z.string().meta({ format: 'binary' });
