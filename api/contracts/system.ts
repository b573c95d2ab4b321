// GET /api/health and GET /api/meta.
import { z } from 'zod';

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.enum(['ok', 'error']),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;

export const MetaSchema = z.object({ demo: z.boolean().meta({ description: 'Demo data is loaded (the UI shows a banner)' }) }).meta({ id: 'Meta' });
export type Meta = z.infer<typeof MetaSchema>;
