import { z } from '@hono/zod-openapi';
import { ROLES } from './session-user.ts';

export const MeSchema = z
  .object({
    id: z.number().int(),
    email: z.string().openapi({ example: 'spetsialist@demo.turvarada.ee' }),
    name: z.string().openapi({ example: 'Mari Maasikas' }),
    role: z.enum(ROLES),
    kovs: z.array(z.string()).openapi({ example: ['0141', '0198'] }),
  })
  .openapi('Me');

export const SessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.string().openapi({ description: 'ISO time' }),
    lastUsedAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('Session');

export const PasswordField = z.string().min(1).max(1024);
