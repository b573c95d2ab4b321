// The head's confirmation through a fresh TARA login (when TARA is configured): instead of re-entering
// a password, the head authenticates again at TARA (prompt=login, max_age=0) and the identity that comes
// back must be the person linked to the account. The intent (who, which municipality and period) is
// kept here under the OIDC state; the browser holds only the state, in a cookie scoped to TARA's
// callback, so the callback is accepted only for the intent, the browser and the session that began it.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { recordAudit } from '../audit/record.ts';
import { canActOnPeriod } from '../auth/rules.ts';
import type { SessionUser } from '../auth/session-user.ts';
import { clientIp } from '../auth/client.ts';
import { taraAuthorizationUrl, taraCallback } from '../auth/tara.ts';
import type { TaraConfig } from '../config.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv } from '../lib/context.ts';
import { redirectWithinSite } from '../lib/same-origin.ts';
import { isKovHead, userListRow } from '../users/store.ts';
import { allowedFrom, transition } from './periods.ts';

export const TARA_CONFIRM_COOKIE = 'turvarada_tara_confirm';
const COOKIE_PATH = '/api/auth/tara';
const TTL_SECONDS = 10 * 60;
/** Clock difference allowed between TARA and this server when checking that the login is new. */
const SKEW_SECONDS = 30;

interface Intent {
  userId: number;
  ehak: string;
  periodId: number;
  nonce: string;
  startedAt: number;
}

// In memory: an intent lives ten minutes, and a restart only means the head starts again.
const pending = new Map<string, Intent>();
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sweep(): void {
  for (const [state, i] of pending) if (i.startedAt + TTL_SECONDS < nowSeconds()) pending.delete(state);
}

/** Begins a confirmation: checks the state allows it and the account has a TARA link; answers TARA's URL. */
export async function startTaraConfirm(c: Context<AppEnv>, tara: TaraConfig, periodId: number, ehak: string): Promise<string> {
  const db = c.get('db');
  const user = c.get('user')!;
  allowedFrom(db, periodId, ehak, 'confirm');
  if (!userListRow(db, user.id)?.personal_code) {
    throw new ApiError(409, 'tara_not_linked', 'Sinu kontoga ei ole isikukoodi seotud, seega ei saa TARA kaudu kinnitada. Palu administraatoril see siduda.');
  }
  let begun;
  try {
    begun = await taraAuthorizationUrl(tara, { fresh: true });
  } catch {
    throw new ApiError(502, 'tara_unreachable', 'TARA ei ole praegu kättesaadav; proovi hiljem uuesti.');
  }
  sweep();
  pending.set(begun.state, { userId: user.id, ehak, periodId, nonce: begun.nonce, startedAt: nowSeconds() });
  setCookie(c, TARA_CONFIRM_COOKIE, begun.state, {
    httpOnly: true,
    sameSite: 'Lax',
    path: COOKIE_PATH,
    secure: c.get('config').publicOrigin.startsWith('https:'),
    maxAge: TTL_SECONDS,
  });
  return begun.url;
}

const back = (ehak: string, result: string) => `/jalgimine/kov/?ehak=${encodeURIComponent(ehak)}&kinnitus=${result}`;

function refuse(c: Context<AppEnv>, user: SessionUser | null, intent: Intent, reason: string, detail: unknown = null) {
  recordAudit(c.get('db'), {
    actorId: user?.id ?? null,
    action: 'reporting_period.confirm_failure',
    entity: 'reporting_period',
    entityId: intent.periodId,
    kov: intent.ehak,
    newValue: { method: 'tara', reason, ...(detail ? { detail } : {}) },
    ip: clientIp(c),
  });
  return redirectWithinSite(c, back(intent.ehak, reason), 302);
}

/** True when the callback's state is a confirmation begun here (the cookie holds that state). */
export const isTaraConfirm = (cookieState: string | undefined, queryState: string | undefined): cookieState is string =>
  !!cookieState && cookieState === queryState;

/** TARA's callback for a confirmation: the same session, a fresh login, the linked person; then confirms. */
export async function finishTaraConfirm(c: Context<AppEnv>, tara: TaraConfig, state: string, error: string | undefined) {
  deleteCookie(c, TARA_CONFIRM_COOKIE, { path: COOKIE_PATH });
  const intent = pending.get(state);
  pending.delete(state);
  if (!intent || intent.startedAt + TTL_SECONDS < nowSeconds()) return redirectWithinSite(c, '/jalgimine/?kinnitus=aegunud', 302);
  const db = c.get('db');
  const user = c.get('user');
  if (error) return refuse(c, user, intent, 'katkestatud');
  if (!user || user.id !== intent.userId) return refuse(c, user, intent, 'seanss');
  let identity;
  try {
    identity = await taraCallback(tara, new URL(c.req.url).search, { state, nonce: intent.nonce, maxAge: 0 });
  } catch (err) {
    return refuse(c, user, intent, 'tara', String((err as Error).message ?? err).slice(0, 300));
  }
  if (identity.authTime === null || identity.authTime < intent.startedAt - SKEW_SECONDS) return refuse(c, user, intent, 'vana_sisselogimine');
  if (identity.personalCode !== userListRow(db, user.id)?.personal_code) return refuse(c, user, intent, 'teine_isik');
  // The callback is outside /kovs/{ehak}, so the guard's rule is asked again here.
  if (!canActOnPeriod({ ...user, head: isKovHead(db, user.id) }, intent.ehak, 'confirm')) return refuse(c, user, intent, 'oigus');
  try {
    transition(db, intent.periodId, intent.ehak, { action: 'confirm' }, { id: user.id, ip: clientIp(c) });
  } catch (err) {
    if (err instanceof ApiError) return refuse(c, user, intent, 'olek', err.message);
    throw err;
  }
  return redirectWithinSite(c, back(intent.ehak, 'tehtud'), 302);
}
