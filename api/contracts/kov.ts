// The municipalities (GET /api/kovs, /api/kovs/{ehak}).
import { z } from 'zod';

export const KOV_TYPES = ['linn', 'vald'] as const;

export const KovSchema = z
  .object({
    ehak: z.string().meta({ example: '0141', description: 'EHAK code' }),
    name: z.string().meta({ example: 'Anija vald' }),
    type: z.enum(KOV_TYPES),
    county: z.string().meta({ example: 'Harju maakond' }),
  })
  .meta({ id: 'Kov' });
export type Kov = z.infer<typeof KovSchema>;
