import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';
import { errorBody } from './errors.ts';

/** The error shape as an OpenAPI schema, for route definitions' 4xx responses. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string().openapi({ example: 'Ei leitud.' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/**
 * Creates a router for one domain. Validation failures answer 400 in the one error shape,
 * with field errors as `details: [{path, message}]`.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        return c.json(errorBody('validation_failed', 'Sisendis on vigu.', details), 400);
      }
      return undefined;
    },
  });
}
