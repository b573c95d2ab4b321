// POST /auth/password-reset: "Unustasin parooli". 202 whatever the address; the link goes by e-mail only.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponse, ErrorSchema } from '../lib/openapi.ts';
import { PasswordResetAcceptedSchema } from '../contracts/auth.ts';
import { clientIp } from './client.ts';
import { ThrottledError, throttledResponse } from './password-check.ts';
import { requestPasswordReset } from './password-reset.ts';

const reset = createRoute({
  method: 'post',
  path: '/auth/password-reset',
  tags: ['auth'],
  summary: 'Ask for a one-time password-reset link by e-mail; the answer is the same for every address',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ email: z.string().min(1).max(254) }) } } } },
  responses: {
    202: { description: 'Accepted: a link is mailed if an active account has this address', content: { 'application/json': { schema: PasswordResetAcceptedSchema } } },
    400: errorResponse('Malformed body'),
    403: errorResponse('Foreign Origin (CSRF)'),
    429: { description: 'Too many requests; see Retry-After', content: { 'application/json': { schema: ErrorSchema } }, headers: z.object({ 'Retry-After': z.string() }) },
  },
});

const ACCEPTED = 'Kui selle aadressiga on Turvaradas aktiivne konto, saadame sinna parooli lähtestamise lingi. Link kehtib ühe tunni.';

export function passwordResetRoutes() {
  return createRouter().openapi(reset, (c) => {
    try {
      requestPasswordReset(c.get('db'), c.get('config').publicOrigin, c.req.valid('json').email, clientIp(c));
    } catch (err) {
      if (err instanceof ThrottledError) return throttledResponse(c, err);
      throw err;
    }
    return c.json({ message: ACCEPTED }, 202);
  });
}
