// Path parameters of the routes under /kovs/{ehak} (OpenAPI parameter metadata needs
// @hono/zod-openapi's .openapi(), so they stay server-side; the shapes are in api/contracts/).
import { z } from '@hono/zod-openapi';

export const KovParams = z.object({ ehak: z.string().openapi({ param: { name: 'ehak', in: 'path' }, example: '0141' }) });

export const KovMeasureParams = z.object({
  ehak: z.string().openapi({ param: { name: 'ehak', in: 'path' }, example: '0141' }),
  measureId: z.string().max(40).openapi({ param: { name: 'measureId', in: 'path' }, example: 'ISMS.1.M1' }),
});

/** ?object={id}: the target object a measure route addresses (absent: the organisation object). */
export const ObjectQuery = z.object({
  object: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'Objekti tunnus on positiivne täisarv.')
    .optional()
    .openapi({ param: { name: 'object', in: 'query' }, description: "A target object of this municipality (GET …/objects); absent: the organisation object", example: '12' }),
});

/** The object id of a validated ObjectQuery, or undefined for the organisation object. */
export const objectOf = (q: { object?: string | undefined }): number | undefined => (q.object ? Number(q.object) : undefined);
