// People in the tracker: who may own a municipality's measures (the owner picker), and the signed-in
// user's own tasks across municipalities ("Minu ülesanded").
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/access.ts';
import { AssignableUsersSchema, MyTaskSchema } from '../contracts/tracker.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { assignableUsers } from './owner.ts';
import { KovParams } from './params.ts';
import { myTasks } from './tasks.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const assignableRoute = createRoute({
  method: 'get',
  path: '/kovs/{ehak}/assignable-users',
  tags: ['tracker'],
  summary: "Accounts that may own the municipality's measures (open accounts that can see it), by name",
  request: { params: KovParams },
  responses: { 200: json(AssignableUsersSchema, 'Users'), 404: errorResponse('Unknown municipality') },
});

const tasksRoute = createRoute({
  method: 'get',
  path: '/me/tasks',
  tags: ['tracker'],
  summary: "The caller's measures that still need work, in every municipality they can see: overdue first, then by due date",
  middleware: [requireUser] as const,
  responses: { 200: json(z.array(MyTaskSchema), 'Tasks'), 401: errorResponse('Not signed in') },
});

export function peopleRoutes() {
  return createRouter()
    .openapi(assignableRoute, (c) => c.json(assignableUsers(c.get('db'), c.req.valid('param').ehak), 200))
    .openapi(tasksRoute, (c) => c.json(myTasks(c.get('db'), c.get('user')!), 200));
}
