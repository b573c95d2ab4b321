// Admin user management: list, create (with a one-time set-password link), change, re-invite.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/access.ts';
import { clientIp } from '../auth/client.ts';
import { invitationLink } from '../auth/invitations.ts';
import { ROLES } from '../auth/session-user.ts';
import { notFound } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { createUser, getUser, listUsers, reinviteUser, updateUser } from './service.ts';

const UserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    kovs: z.array(z.string()),
    personalCode: z.string().nullable().openapi({ description: 'TARA personal code (sub), e.g. EE38001085718' }),
    expiresOn: z.string().nullable().openapi({ description: 'Access ends at the start of this ISO date' }),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    kovHead: z.boolean().openapi({ description: "Head of the assigned municipalities (KOV juht): confirms their reporting-period submissions; viewer or specialist only" }),
    createdAt: z.string(),
    lastSeenAt: z.number().int().nullable().openapi({ description: 'Unix seconds of the latest session activity' }),
  })
  .openapi('User');

const InvitationSchema = z.object({ link: z.string().openapi({ example: 'https://turvarada.ee/seadista-parool/#token=…' }), expiresAt: z.string() });
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const Date_ = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Kuupäev kujul AAAA-KK-PP');
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const admin = requirePermission('users.manage');
const denied = { 401: errorResponse('Not signed in'), 403: errorResponse('Not an admin') };

const list = createRoute({
  method: 'get', path: '/users', tags: ['users'], summary: 'Every user', middleware: admin,
  responses: { 200: json(z.array(UserSchema), 'Users'), ...denied },
});

const create = createRoute({
  method: 'post', path: '/users', tags: ['users'], summary: 'Create a user; answers a one-time set-password link (shown once) and mails it to the user', middleware: admin,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            email: z.string().max(254),
            name: z.string().max(120),
            role: z.enum(ROLES),
            kovs: z.array(z.string()).max(79).default([]),
            expiresOn: Date_.nullable().optional(),
            personalCode: z.string().max(42).nullable().optional(),
            kovHead: z.boolean().optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(z.object({ user: UserSchema, invitation: InvitationSchema }), 'Created'),
    400: errorResponse('Invalid input'), ...denied, 409: errorResponse('E-mail or personal code already in use'),
  },
});

const update = createRoute({
  method: 'patch', path: '/users/{id}', tags: ['users'], summary: 'Change role, municipalities, expiry, TARA link, the head flag (KOV juht) or disable', middleware: admin,
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              name: z.string().max(120),
              role: z.enum(ROLES),
              kovs: z.array(z.string()).max(79),
              disabled: z.boolean(),
              expiresOn: Date_.nullable(),
              personalCode: z.string().max(42).nullable(),
              kovHead: z.boolean(),
            })
            .partial()
            .strict(),
        },
      },
    },
  },
  responses: {
    200: json(UserSchema, 'Changed'), 400: errorResponse('Invalid input'), ...denied,
    404: errorResponse('No such user'), 409: errorResponse('Conflict (last admin, personal code in use)'),
  },
});

const reinvite = createRoute({
  method: 'post', path: '/users/{id}/invitation', tags: ['users'], summary: 'A new set-password link (revokes earlier ones), also mailed to the user', middleware: admin,
  request: { params: IdParam },
  responses: { 201: json(InvitationSchema, 'Link (shown once)'), ...denied, 404: errorResponse('No such user'), 409: errorResponse('Account disabled') },
});

const getOne = createRoute({
  method: 'get', path: '/users/{id}', tags: ['users'], summary: 'One user', middleware: admin,
  request: { params: IdParam },
  responses: { 200: json(UserSchema, 'User'), ...denied, 404: errorResponse('No such user') },
});

export function userRoutes() {
  const linkOf = (origin: string, inv: { token: string; expiresAt: number }) => ({
    link: invitationLink(origin, inv.token),
    expiresAt: new Date(inv.expiresAt * 1000).toISOString(),
  });
  return createRouter()
    .openapi(list, (c) => c.json(listUsers(c.get('db')), 200))
    .openapi(getOne, (c) => {
      const user = getUser(c.get('db'), c.req.valid('param').id);
      if (!user) throw notFound('Kasutajat ei leitud.');
      return c.json(user, 200);
    })
    .openapi(create, (c) => {
      const body = c.req.valid('json');
      const { user, invitation } = createUser(c.get('db'), body, { id: c.get('user')!.id, ip: clientIp(c) }, undefined, c.get('config').publicOrigin);
      return c.json({ user, invitation: linkOf(c.get('config').publicOrigin, invitation!) }, 201);
    })
    .openapi(update, (c) => {
      const user = updateUser(c.get('db'), c.req.valid('param').id, c.req.valid('json'), { id: c.get('user')!.id, ip: clientIp(c) });
      return c.json(user, 200);
    })
    .openapi(reinvite, (c) => {
      const inv = reinviteUser(c.get('db'), c.req.valid('param').id, { id: c.get('user')!.id, ip: clientIp(c) }, c.get('config').publicOrigin);
      return c.json(linkOf(c.get('config').publicOrigin, inv), 201);
    });
}
