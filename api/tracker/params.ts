// Path parameters of the routes under /kovs/{ehak} (OpenAPI parameter metadata needs
// @hono/zod-openapi's .openapi(), so they stay server-side; the shapes are in api/contracts/).
import { z } from '@hono/zod-openapi';

export const KovParams = z.object({ ehak: z.string().openapi({ param: { name: 'ehak', in: 'path' }, example: '0141' }) });

export const KovMeasureParams = z.object({
  ehak: z.string().openapi({ param: { name: 'ehak', in: 'path' }, example: '0141' }),
  measureId: z.string().max(40).openapi({ param: { name: 'measureId', in: 'path' }, example: 'ISMS.1.M1' }),
});
