// What the sign-in, session, account and invitation endpoints answer with. Plain zod only, so
// the site imports the same definitions (types via z.infer).
import { z } from 'zod';

export const ROLES = ['admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const MeSchema = z
  .object({
    id: z.number().int(),
    email: z.string().meta({ example: 'spetsialist@demo.turvarada.ee' }),
    name: z.string().meta({ example: 'Mari Maasikas' }),
    role: z.enum(ROLES),
    kovs: z.array(z.string()).meta({ example: ['0141', '0198'] }),
    accessExpiresOn: z
      .string()
      .nullable()
      .meta({ description: 'ISO date at whose start access ends (auditors always have one); null when access does not end', example: '2027-01-01' }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const SessionStateSchema = z.object({ user: MeSchema.nullable() }).meta({ id: 'SessionState' });
export const SessionsEndedSchema = z.object({ ended: z.number().int() }).meta({ id: 'SessionsEnded' });
export const AuthMethodsSchema = z.object({ password: z.literal(true), tara: z.boolean() }).meta({ id: 'AuthMethods' });

export const SessionSchema = z
  .object({
    id: z.string(),
    createdAt: z.string().meta({ description: 'ISO time' }),
    lastUsedAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof SessionSchema>;

export const InvitationSchema = z.object({ email: z.string(), name: z.string() }).meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof InvitationSchema>;

export const PasswordResetAcceptedSchema = z
  .object({ message: z.string().meta({ description: 'The same text for every address: whether an account exists is never told' }) })
  .meta({ id: 'PasswordResetAccepted' });
