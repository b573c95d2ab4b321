// Server-side pieces of the auth routes. Response shapes are the contracts in api/contracts/auth.ts.
import { z } from '@hono/zod-openapi';

export const PasswordField = z.string().min(1).max(1024);
