// Reviewer actions: threaded comments and votes; an admin's closing of an open version as rejected.
import { createRoute } from '@hono/zod-openapi';
import { requireTemplateAccess } from '../auth/access.ts';
import { badRequest } from '../lib/errors.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { CloseBodySchema, CloseResultSchema, CommentBodySchema, CommentResultSchema, ReviewBodySchema, VoteResultSchema } from '../contracts/templates.ts';
import { IdParams } from './schemas.ts';
import { addComment, castVote, closeVersion } from './workflow.ts';

const commentRoute = createRoute({
  method: 'post',
  path: '/templates/{id}/comments',
  tags: ['templates'],
  summary: 'Comment on a version (threaded with parentId); a reviewer comment starts the review',
  middleware: [requireTemplateAccess('comment')] as const,
  request: { params: IdParams, body: { required: true, content: { 'application/json': { schema: CommentBodySchema } } } },
  responses: {
    201: {
      description: 'Comment stored',
      content: { 'application/json': { schema: CommentResultSchema } },
    },
    400: errorResponse('Invalid comment'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not allowed to comment'),
    404: errorResponse('No such template, version or parent comment'),
    409: errorResponse('Reply to a different version than its parent'),
  },
});

const reviewRoute = createRoute({
  method: 'post',
  path: '/templates/{id}/reviews',
  tags: ['templates'],
  summary: "Reviewer's vote on the latest version (one per reviewer, changeable while open). Approved when approvals reach the quorum and no 'reject' stands; request_changes and reject do not close the vote",
  middleware: [requireTemplateAccess('review')] as const,
  request: { params: IdParams, body: { required: true, content: { 'application/json': { schema: ReviewBodySchema } } } },
  responses: {
    200: {
      description: 'Vote stored; the version status after it',
      content: {
        'application/json': {
          schema: VoteResultSchema,
        },
      },
    },
    400: errorResponse('Invalid vote (request_changes and reject need a comment)'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a reviewer, or the submitter of the version'),
    404: errorResponse('No such template'),
    409: errorResponse('Version already decided, or not the latest'),
  },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/templates/{id}/close',
  tags: ['templates'],
  summary: 'Admin: close the open latest version as rejected, with a reason (audited)',
  middleware: [requireTemplateAccess('close')] as const,
  request: { params: IdParams, body: { required: true, content: { 'application/json': { schema: CloseBodySchema } } } },
  responses: {
    200: { description: 'Closed', content: { 'application/json': { schema: CloseResultSchema } } },
    400: errorResponse('No reason given'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not an admin'),
    404: errorResponse('No such template'),
    409: errorResponse('Version already decided, or not the latest'),
  },
});

export function templateActionRoutes() {
  return createRouter()
    .openapi(commentRoute, (c) => c.json(addComment(c.get('db'), c.get('user')!, c.req.valid('param').id, c.req.valid('json')), 201))
    .openapi(reviewRoute, (c) => {
      const body = c.req.valid('json');
      if (body.decision !== 'approve' && body.comment === '') {
        throw badRequest('Muutmise palve või tagasilükkamise juurde kirjuta põhjendus.', [{ path: 'comment', message: 'Põhjendus on kohustuslik.' }]);
      }
      return c.json(castVote(c.get('db'), c.get('user')!, c.get('config'), c.req.valid('param').id, body), 200);
    })
    .openapi(closeRoute, (c) => c.json(closeVersion(c.get('db'), c.get('user')!, c.get('config').publicOrigin, c.req.valid('param').id, c.req.valid('json')), 200));
}
