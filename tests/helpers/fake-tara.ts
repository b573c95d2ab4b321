// A TARA-like OpenID Connect provider (oidc-provider) on 127.0.0.1 for the TARA tests: client_secret_basic,
// 40 s ID tokens, acr levels, claims in profile_attributes; who logs in next is set by the test.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations.
import Provider from 'oidc-provider';

export const CLIENT_ID = 'turvarada-test';
export const CLIENT_SECRET = 'tara-test-secret-0123456789abcdef';
export const REDIRECT_URI = 'http://127.0.0.1:4321/api/auth/tara/callback';
export const LINKED = 'EE38001085718';
export const ADMIN_CODE = 'EE47101010033';

export interface OidcServer {
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

export async function startOidc(): Promise<OidcServer> {
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


const setCookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]);

/** Plays the browser at the provider: follows its redirects from `location` and answers the query it sends to our callback. */
export async function followToCallback(issuer: string, location: string): Promise<string> {
  const jar = new Map<string, string>();
  for (let hops = 0; hops < 10; hops++) {
    const url = new URL(location, issuer);
    if (url.href.startsWith(REDIRECT_URI)) return url.search;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const [k, v] of setCookiesOf(res)) jar.set(k, v);
    location = res.headers.get('location') ?? '';
    if (!location) throw new Error(`provider stopped at ${url.pathname} with ${res.status}: ${await res.text()}`);
  }
  throw new Error('too many redirects');
}
