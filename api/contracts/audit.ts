// What GET /api/audit answers with: entries newest first, paged by id. Plain zod only.
import { z } from 'zod';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A value as the audit log stored it: any JSON. */
export const JsonValueSchema: z.ZodType<JsonValue> = z
  .lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]))
  .meta({ id: 'JsonValue', description: 'Any JSON value' });

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.number().int(), email: z.string(), name: z.string() }).nullable(),
    action: z.string().meta({ example: 'login.success' }),
    entity: z.string(),
    entityId: z.string().nullable(),
    kov: z.string().nullable(),
    oldValue: JsonValueSchema.nullable(),
    newValue: JsonValueSchema.nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z
  .object({ items: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPageSchema>;
