// TARA (RIA's state authentication service) over OpenID Connect, authorization-code flow via
// openid-client: discovery, state and nonce, and ID token checks (signature against the issuer's
// JWKS, iss, aud, exp, nonce); acr is checked here against the levels we accept.
import * as client from 'openid-client';
import type { TaraConfig } from '../config.ts';

/** eIDAS assurance levels TARA reports in `acr`; 'low' is not enough for access to municipal data. */
export const ACCEPTED_ACR = ['substantial', 'high'] as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const configs = new Map<string, Promise<client.Configuration>>();

/** Discovered client configuration, cached per issuer and client; a failed discovery is retried next time. */
export function taraClient(tara: TaraConfig): Promise<client.Configuration> {
  const key = `${tara.issuer}\n${tara.clientId}`;
  let pending = configs.get(key);
  if (!pending) {
    const issuer = new URL(tara.issuer);
    // Plain http is allowed only for an issuer on this machine (tests, local development).
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    pending = client.discovery(issuer, tara.clientId, undefined, client.ClientSecretBasic(tara.clientSecret), {
      execute: insecure ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
    });
    configs.set(key, pending);
    pending.catch(() => configs.delete(key));
  }
  return pending;
}

export interface TaraStart {
  url: string;
  state: string;
  nonce: string;
}

/** `fresh`: the person must authenticate again now (prompt=login, max_age=0), e.g. to sign off a report. */
export async function taraAuthorizationUrl(tara: TaraConfig, opts: { fresh?: boolean } = {}): Promise<TaraStart> {
  const config = await taraClient(tara);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const fresh: Record<string, string> = opts.fresh ? { prompt: 'login', max_age: '0' } : {};
  const url = client.buildAuthorizationUrl(config, { redirect_uri: tara.redirectUri, scope: 'openid', state, nonce, ui_locales: 'et', ...fresh });
  return { url: url.href, state, nonce };
}

export interface TaraIdentity {
  personalCode: string;
  givenName: string | null;
  familyName: string | null;
  acr: string;
  /** When the person authenticated (unix seconds), if the ID token says. */
  authTime: number | null;
}

export class TaraRefusal extends Error {
  constructor(readonly reason: 'acr' | 'claims', message: string) {
    super(message);
  }
}

/**
 * Exchanges the code from the callback URL and returns the verified identity; throws on any failed
 * check. `maxAge` (seconds) for a flow started with `fresh`: auth_time must be that recent.
 */
export async function taraCallback(tara: TaraConfig, callbackQuery: string, expected: { state: string; nonce: string; maxAge?: number }): Promise<TaraIdentity> {
  const config = await taraClient(tara);
  const current = new URL(tara.redirectUri);
  current.search = callbackQuery;
  const tokens = await client.authorizationCodeGrant(config, current, {
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
    ...(expected.maxAge !== undefined ? { maxAge: expected.maxAge } : {}),
  });
  const claims = tokens.claims();
  if (!claims) throw new TaraRefusal('claims', 'ID token missing');
  const acr = typeof claims.acr === 'string' ? claims.acr : '';
  if (!(ACCEPTED_ACR as readonly string[]).includes(acr)) throw new TaraRefusal('acr', `acr "${acr}" below substantial`);
  const profile = (claims['profile_attributes'] ?? {}) as { given_name?: unknown; family_name?: unknown };
  return {
    personalCode: claims.sub,
    givenName: typeof profile.given_name === 'string' ? profile.given_name : null,
    familyName: typeof profile.family_name === 'string' ? profile.family_name : null,
    acr,
    authTime: typeof claims.auth_time === 'number' ? claims.auth_time : null,
  };
}
