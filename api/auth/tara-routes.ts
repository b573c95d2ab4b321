// GET /auth/tara/start and /auth/tara/callback. State and nonce live in a short-lived HttpOnly cookie
// scoped to the callback path, so a callback is accepted only in the browser that started it.
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { recordAudit } from '../audit/record.ts';
import { notFound } from '../lib/errors.ts';
import { redirectWithinSite } from '../lib/same-origin.ts';
import { createRouter, errorResponse } from '../lib/openapi.ts';
import { clientIp } from './client.ts';
import { startSession } from './login.ts';
import { accountActive } from './sessions.ts';
import { taraAuthorizationUrl, taraCallback } from './tara.ts';
import { userByPersonalCode } from '../users/store.ts';
import { finishTaraConfirm, isTaraConfirm, TARA_CONFIRM_COOKIE } from '../periods/tara-confirm.ts';

export const TARA_COOKIE = 'turvarada_tara';
const COOKIE_PATH = '/api/auth/tara';
const AFTER_LOGIN = '/jalgimine/';
const refused = (reason: string) => `/logi-sisse/?viga=${reason}`;

const start = createRoute({
  method: 'get',
  path: '/auth/tara/start',
  tags: ['auth'],
  summary: 'Start TARA sign-in: redirects to the TARA authorization endpoint',
  responses: { 302: { description: 'Redirect to TARA' }, 404: errorResponse('TARA not configured'), 502: errorResponse('TARA unreachable') },
});

const callback = createRoute({
  method: 'get',
  path: '/auth/tara/callback',
  tags: ['auth'],
  summary: "TARA redirects back here; signs in the user linked to the personal code, or finishes a head's confirmation of a reporting period",
  request: { query: z.looseObject({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() }) },
  responses: {
    302: { description: `To ${AFTER_LOGIN} when signed in, else to /logi-sisse/?viga=<reason>; for a head's confirmation to /jalgimine/kov/?ehak=<code>&kinnitus=<result>` },
    404: errorResponse('TARA not configured'),
  },
});

/** openid-client wraps the precise reason (bad signature, state mismatch…) in `cause`. */
function describeError(err: unknown): { error: string; code?: string; cause?: string } {
  const e = err as { message?: string; code?: string; cause?: { message?: string } };
  return {
    error: String(e.message ?? err).slice(0, 300),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(e.cause?.message ? { cause: String(e.cause.message).slice(0, 300) } : {}),
  };
}

export function taraRoutes() {
  return createRouter()
    .openapi(start, async (c) => {
      const tara = c.get('config').tara;
      if (!tara) throw notFound('TARA sisselogimine ei ole seadistatud.');
      let begun;
      try {
        begun = await taraAuthorizationUrl(tara);
      } catch (err) {
        console.error(JSON.stringify({ level: 'error', msg: 'TARA discovery failed', error: String(err) }));
        return redirectWithinSite(c, refused('tara_kattesaamatu'), 302);
      }
      setCookie(c, TARA_COOKIE, `${begun.state}.${begun.nonce}`, {
        httpOnly: true,
        sameSite: 'Lax',
        path: COOKIE_PATH,
        secure: c.get('config').publicOrigin.startsWith('https:'),
        maxAge: 10 * 60,
      });
      // The one redirect off the site, by design: to the configured TARA issuer's authorization endpoint.
      return c.redirect(begun.url, 302);
    })
    .openapi(callback, async (c) => {
      const tara = c.get('config').tara;
      if (!tara) throw notFound('TARA sisselogimine ei ole seadistatud.');
      const query = c.req.valid('query');
      // A head's confirmation of a reporting period comes back through the one registered callback.
      const confirmState = getCookie(c, TARA_CONFIRM_COOKIE);
      if (isTaraConfirm(confirmState, query.state)) return finishTaraConfirm(c, tara, confirmState, query.error);
      const db = c.get('db');
      const ip = clientIp(c);
      const saved = getCookie(c, TARA_COOKIE)?.split('.');
      deleteCookie(c, TARA_COOKIE, { path: COOKIE_PATH });
      if (query.error) return redirectWithinSite(c, refused('tara_katkestatud'), 302);
      if (!saved || saved.length !== 2 || !saved[0] || !saved[1]) return redirectWithinSite(c, refused('tara_seanss'), 302);
      let identity;
      try {
        identity = await taraCallback(tara, new URL(c.req.url).search, { state: saved[0], nonce: saved[1] });
      } catch (err) {
        recordAudit(db, { actorId: null, action: 'login.tara_failure', entity: 'session', newValue: describeError(err), ip });
        return redirectWithinSite(c, refused('tara'), 302);
      }
      const user = userByPersonalCode(db, identity.personalCode);
      if (!user) {
        // Never create accounts from TARA: an admin links the personal code to a user first.
        recordAudit(db, { actorId: null, action: 'login.tara_unknown', entity: 'session', newValue: { personalCode: identity.personalCode }, ip });
        return redirectWithinSite(c, refused('tara_tundmatu'), 302);
      }
      if (!accountActive(user)) {
        recordAudit(db, { actorId: user.id, action: 'login.refused_inactive', entity: 'session', newValue: { method: 'tara' }, ip });
        return redirectWithinSite(c, refused('konto_suletud'), 302);
      }
      startSession(c, user.id, 'login.success', { method: 'tara', acr: identity.acr });
      return redirectWithinSite(c, AFTER_LOGIN, 302);
    });
}
