// TARA sign-in end to end against a real OpenID Connect provider (oidc-provider) on 127.0.0.1,
// configured like TARA: client_secret_basic, 40 s ID tokens, acr levels, claims in profile_attributes.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations.
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../api/auth/sessions.ts';
import { TARA_COOKIE } from '../api/auth/tara-routes.ts';
import { createUser } from '../api/users/service.ts';
import { createTestContext, type TestContext } from './helpers/app.ts';

const CLIENT_ID = 'turvarada-test';
const CLIENT_SECRET = 'tara-test-secret-0123456789abcdef';
const REDIRECT_URI = 'http://127.0.0.1:4321/api/auth/tara/callback';
const LINKED = 'EE38001085718';
const ADMIN_CODE = 'EE47101010033';

interface OidcServer {
  issuer: string;
  server: Server;
  /** Who the next login interaction authenticates, and at which level. */
  next: { sub: string; acr: string };
  /** When set, rewrites the ID token in token responses (a man in the middle). */
  tamper: ((idToken: string) => string) | null;
}

type ProviderInstance = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ prompt: { name: string }; params: { client_id: string }; session?: { accountId: string } }>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: unknown, opts?: unknown): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => { addOIDCScope(s: string): void; addOIDCClaims(c: string[]): void; save(): Promise<string> };
};

async function startOidc(): Promise<OidcServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jwk = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'tara-test', use: 'sig', alg: 'RS256' };
  const state: OidcServer = { issuer, server, next: { sub: LINKED, acr: 'high' }, tamper: null };
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'client_secret_basic', response_types: ['code'], grant_types: ['authorization_code'] }],
    jwks: { keys: [jwk] },
    ttl: { IdToken: 40, AccessToken: 40, AuthorizationCode: 30, Interaction: 600, Session: 600, Grant: 600 },
    acrValues: ['low', 'substantial', 'high'],
    claims: { sid: null, openid: ['sub', 'profile_attributes', 'acr', 'amr', 'auth_time'] },
    // TARA puts the person's attributes in the ID token itself.
    conformIdTokenClaims: false,
    cookies: { keys: ['tara-test-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, profile_attributes: { given_name: 'MARY ÄNN', family_name: "O'CONNEŽ-ŠUSLIK TESTNUMBER", date_of_birth: '1980-01-08' } }),
    }),
  }) as ProviderInstance;
  const handle = provider.callback();
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.url?.startsWith('/interaction/')) {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          await provider.interactionFinished(req, res, { login: { accountId: state.next.sub, acr: state.next.acr, amr: ['mID'] } }, { mergeWithLastSubmission: false });
        } else {
          const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
          grant.addOIDCScope('openid');
          grant.addOIDCClaims(['profile_attributes', 'acr', 'amr', 'auth_time']);
          await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        }
        return;
      }
      if (req.url?.startsWith('/token') && state.tamper) {
        const tamper = state.tamper;
        const end = res.end.bind(res) as (body?: unknown) => ServerResponse;
        res.end = ((chunk?: unknown) => {
          const body = JSON.parse(String(chunk)) as { id_token: string };
          body.id_token = tamper(body.id_token);
          const out = JSON.stringify(body);
          res.setHeader('content-length', Buffer.byteLength(out));
          return end(out);
        }) as typeof res.end;
      }
      handle(req, res);
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });
  return state;
}

let oidc: OidcServer;
let t: TestContext;

beforeAll(async () => {
  oidc = await startOidc();
  t = createTestContext({ tara: { issuer: oidc.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI } });
  createUser(t.db, { email: 'mary@vald.ee', name: 'Mary Änn', role: 'specialist', kovs: ['0141'], personalCode: LINKED }, { id: null });
  createUser(t.db, { email: 'admin@elvl.ee', name: 'Admin', role: 'admin', kovs: [], personalCode: ADMIN_CODE }, { id: null });
});
afterAll(async () => {
  await new Promise((resolve) => oidc?.server.close(resolve));
});

const setCookies = (res: Response) => new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));

/** Plays the browser: start at the app, follow the provider's redirects, stop at our callback URL. */
async function runFlow(): Promise<{ callbackQuery: string; taraCookie: string }> {
  const started = await t.request('/api/auth/tara/start');
  expect(started.status).toBe(302);
  const taraCookie = setCookies(started).get(TARA_COOKIE)!;
  expect(taraCookie).toMatch(/^[^.]+\.[^.]+$/);
  expect(started.headers.getSetCookie().join()).toMatch(/HttpOnly/);
  const jar = new Map<string, string>();
  let location = started.headers.get('location')!;
  expect(location.startsWith(oidc.issuer)).toBe(true);
  for (let hops = 0; hops < 10; hops++) {
    const url = new URL(location, oidc.issuer);
    if (url.href.startsWith(REDIRECT_URI)) return { callbackQuery: url.search, taraCookie };
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const [k, v] of setCookies(res)) jar.set(k, v);
    location = res.headers.get('location') ?? '';
    if (!location) throw new Error(`provider stopped at ${url.pathname} with ${res.status}: ${await res.text()}`);
  }
  throw new Error('too many redirects');
}

const callback = (query: string, taraCookie: string | null) =>
  t.request(`/api/auth/tara/callback${query}`, taraCookie ? { headers: { cookie: `${TARA_COOKIE}=${taraCookie}` } } : {});

describe('TARA sign-in', () => {
  it('advertises TARA when configured', async () => {
    expect(await (await t.request('/api/auth/providers')).json()).toEqual({ password: true, tara: true });
  });

  it('signs in the user linked to the personal code', async () => {
    oidc.next = { sub: LINKED, acr: 'high' };
    const { callbackQuery, taraCookie } = await runFlow();
    const res = await callback(callbackQuery, taraCookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/jalgimine/');
    const token = setCookies(res).get(SESSION_COOKIE)!;
    const me = await (await t.request('/api/auth/me', { as: token })).json();
    expect(me).toMatchObject({ email: 'mary@vald.ee', role: 'specialist', kovs: ['0141'] });
    const audit = t.db.prepare("SELECT new_value FROM audit_log WHERE action = 'login.success' ORDER BY id DESC").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ method: 'tara', acr: 'high' });
    // The code is single-use: replaying the callback does not sign in again.
    const replay = await callback(callbackQuery, taraCookie);
    expect(replay.headers.get('location')).toMatch(/^\/logi-sisse\/\?viga=/);
    expect(setCookies(replay).get(SESSION_COOKIE) ?? '').toBe('');
  });

  it('refuses an ID token whose payload was altered in transit (signature check)', async () => {
    oidc.next = { sub: LINKED, acr: 'high' };
    oidc.tamper = (idToken) => {
      const [h, p, s] = idToken.split('.') as [string, string, string];
      const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as { sub: string };
      payload.sub = ADMIN_CODE; // try to become the admin
      return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    };
    try {
      const { callbackQuery, taraCookie } = await runFlow();
      const res = await callback(callbackQuery, taraCookie);
      expect(res.headers.get('location')).toBe('/logi-sisse/?viga=tara');
      expect(setCookies(res).get(SESSION_COOKIE) ?? '').toBe('');
    } finally {
      oidc.tamper = null;
    }
    const failure = t.db.prepare("SELECT new_value FROM audit_log WHERE action = 'login.tara_failure' ORDER BY id DESC").pluck().get() as string;
    expect(failure).toMatch(/signature/i);
  });

  it('refuses a wrong state and a missing state cookie', async () => {
    oidc.next = { sub: LINKED, acr: 'high' };
    const { callbackQuery, taraCookie } = await runFlow();
    const otherState = `wrongstate.${taraCookie.split('.')[1]}`;
    const wrong = await callback(callbackQuery, otherState);
    expect(wrong.headers.get('location')).toBe('/logi-sisse/?viga=tara');
    const failure = t.db.prepare("SELECT new_value FROM audit_log WHERE action = 'login.tara_failure' ORDER BY id DESC").pluck().get() as string;
    expect(failure).toMatch(/state/i);
    expect(setCookies(wrong).get(SESSION_COOKIE) ?? '').toBe('');
    const missing = await callback(callbackQuery, null);
    expect(missing.headers.get('location')).toBe('/logi-sisse/?viga=tara_seanss');
  });

  it('refuses an unknown personal code without creating an account', async () => {
    const users = t.db.prepare('SELECT count(*) FROM app_user').pluck().get();
    oidc.next = { sub: 'EE60001019906', acr: 'high' };
    const { callbackQuery, taraCookie } = await runFlow();
    const res = await callback(callbackQuery, taraCookie);
    expect(res.headers.get('location')).toBe('/logi-sisse/?viga=tara_tundmatu');
    expect(t.db.prepare('SELECT count(*) FROM app_user').pluck().get()).toBe(users);
  });

  it('refuses an authentication below the substantial level', async () => {
    oidc.next = { sub: LINKED, acr: 'low' };
    const { callbackQuery, taraCookie } = await runFlow();
    const res = await callback(callbackQuery, taraCookie);
    expect(res.headers.get('location')).toBe('/logi-sisse/?viga=tara');
    const failure = t.db.prepare("SELECT new_value FROM audit_log WHERE action = 'login.tara_failure' ORDER BY id DESC").pluck().get() as string;
    expect(failure).toMatch(/acr \\"low\\"/);
  });

  it('refuses a disabled account', async () => {
    t.db.prepare("UPDATE app_user SET disabled_at = '2026-01-01' WHERE personal_code = ?").run(LINKED);
    try {
      oidc.next = { sub: LINKED, acr: 'high' };
      const { callbackQuery, taraCookie } = await runFlow();
      expect((await callback(callbackQuery, taraCookie)).headers.get('location')).toBe('/logi-sisse/?viga=konto_suletud');
    } finally {
      t.db.prepare('UPDATE app_user SET disabled_at = NULL WHERE personal_code = ?').run(LINKED);
    }
  });
});

describe('TARA not configured', () => {
  it('answers 404 and providers says tara: false', async () => {
    const plain = createTestContext();
    expect((await plain.request('/api/auth/tara/start')).status).toBe(404);
    expect(await (await plain.request('/api/auth/providers')).json()).toEqual({ password: true, tara: false });
  });
});
