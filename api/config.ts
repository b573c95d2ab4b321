import { BlockList, isIP } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('../', import.meta.url));

export interface AppConfig {
  port: number;
  host: string;
  databasePath: string;
  /** Origin the browser sees; used for cookie `Secure` and the CSRF origin check. */
  publicOrigin: string;
  /** Where uploaded files (evidence, templates) are kept, outside the database. */
  filesPath: string;
  /** Directory of the built site; the API works without it. */
  distDir: string;
  production: boolean;
  /** Reviewer approvals a template version needs (TEMPLATE_QUORUM, default 2). */
  templateQuorum: number;
  /** TARA (state eID, OpenID Connect) sign-in; absent unless all four TARA_* variables are set. */
  tara?: TaraConfig;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES: addresses or CIDR ranges,
   * comma-separated). Empty: the socket's address is the client's. See api/auth/client.ts.
   */
  trustedProxies: BlockList;
  /** SMTP server (SMTP_URL, smtp:// or smtps://, credentials in the URL); null: mail stays in the outbox. */
  smtpUrl: string | null;
  /** Sender of every mail (MAIL_FROM), e.g. "Turvarada <turvarada@elvl.ee>". */
  mailFrom: string;
}

export interface TaraConfig {
  /** e.g. https://tara.ria.ee (discovery: /.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registered at RIA; PUBLIC_ORIGIN + /api/auth/tara/callback. */
  redirectUri: string;
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 4321;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError(`PORT peab olema täisarv 1–65535, saadi "${raw}"`);
  }
  return Number(raw);
}

function parseOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_ORIGIN ei ole URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_ORIGIN peab algama http:// või https://, saadi "${raw}"`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError(`PUBLIC_ORIGIN on ainult päritolu (nt https://turvarada.ee), ilma rajata: "${raw}"`);
  }
  return url.origin;
}

function parseQuorum(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 2;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 20) throw new ConfigError(`TEMPLATE_QUORUM peab olema täisarv 1–20, saadi "${raw}"`);
  return Number(raw);
}

/** TRUSTED_PROXIES, e.g. "127.0.0.1, ::1, 10.0.0.0/8": exact addresses or CIDR ranges. */
export function parseTrustedProxies(raw: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = Number(bits);
    const valid = family !== 0 && extra === undefined && (bits === undefined || (/^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128)));
    if (!valid) throw new ConfigError(`TRUSTED_PROXIES: "${entry}" ei ole IP-aadress ega vahemik (nt 127.0.0.1 või 10.0.0.0/8)`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/** The URL without its user and password (everything up to the last @), for messages. */
function redactUrl(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at < 0) return raw;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? '';
  return `${scheme}***@${raw.slice(at + 1)}`;
}

/** SMTP_URL: smtp://[user:pass@]host[:port] or smtps://…; nothing else (no path, query or fragment). */
export function parseSmtpUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`SMTP_URL ei ole URL: "${redactUrl(raw)}"`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL peab algama smtp:// või smtps:// (nt smtps://kasutaja:parool@smtp.elvl.ee:465), saadi "${redactUrl(raw)}"`);
  }
  if (!url.hostname) throw new ConfigError(`SMTP_URL-is puudub server: "${redactUrl(raw)}"`);
  if ((url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) {
    throw new ConfigError(`SMTP_URL on ainult skeem, kasutaja, parool, server ja port, ilma rajata: "${redactUrl(raw)}"`);
  }
  return raw;
}

const ADDRESS = /^[^\s@<>(),;:"\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** MAIL_FROM: "address@domain" or "Name <address@domain>", on one line. */
export function parseMailFrom(raw: string | undefined, fallbackHost: string): string {
  if (raw === undefined || raw === '') return `Turvarada <turvarada@${fallbackHost}>`;
  const m = /^(?:([^<>\r\n"]{1,100}?)\s*<([^<>\s]+)>|([^<>\s]+))$/.exec(raw.trim());
  const address = m?.[2] ?? m?.[3];
  if (!address || !ADDRESS.test(address) || address.length > 254) {
    throw new ConfigError(`MAIL_FROM ei ole e-posti aadress (nt "Turvarada <turvarada@elvl.ee>"): ${JSON.stringify(raw)}`);
  }
  return raw.trim();
}

const TARA_VARS = ['TARA_ISSUER', 'TARA_CLIENT_ID', 'TARA_CLIENT_SECRET', 'TARA_REDIRECT_URI'] as const;

/** All four TARA_* variables enable TARA; some but not all is a mistake worth stopping for. */
function parseTara(env: NodeJS.ProcessEnv): TaraConfig | undefined {
  const set = TARA_VARS.filter((v) => env[v]);
  if (set.length === 0) return undefined;
  if (set.length < TARA_VARS.length) {
    throw new ConfigError(`TARA vajab kõiki muutujaid ${TARA_VARS.join(', ')}; puudu: ${TARA_VARS.filter((v) => !env[v]).join(', ')}`);
  }
  for (const v of ['TARA_ISSUER', 'TARA_REDIRECT_URI'] as const) {
    try {
      new URL(env[v]!);
    } catch {
      throw new ConfigError(`${v} ei ole URL: "${env[v]}"`);
    }
  }
  return { issuer: env['TARA_ISSUER']!, clientId: env['TARA_CLIENT_ID']!, clientSecret: env['TARA_CLIENT_SECRET']!, redirectUri: env['TARA_REDIRECT_URI']! };
}

/** Reads configuration from the environment; throws ConfigError with a one-line message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = parsePort(env['PORT']);
  const host = env['HOST'] || '127.0.0.1';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) throw new ConfigError(`HOST ei ole kehtiv hostinimi või aadress: "${host}"`);
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const publicOrigin = parseOrigin(env['PUBLIC_ORIGIN'] || `http://${urlHost}:${port}`);
  const databasePath = env['DATABASE_PATH'] || `${ROOT_DIR}data/runtime/turvarada.db`;
  if (databasePath.trim() === '') throw new ConfigError('DATABASE_PATH on tühi');
  const tara = parseTara(env);
  const smtpUrl = parseSmtpUrl(env['SMTP_URL']);
  if (smtpUrl && !env['MAIL_FROM']) throw new ConfigError('SMTP_URL vajab ka MAIL_FROM-i (saatja aadress, nt "Turvarada <turvarada@elvl.ee>")');
  const mailFrom = parseMailFrom(env['MAIL_FROM'], new URL(publicOrigin).hostname);
  return {
    port,
    host,
    databasePath,
    publicOrigin,
    ...(tara ? { tara } : {}),
    filesPath: env['FILES_PATH'] || `${ROOT_DIR}data/runtime/files`,
    distDir: env['DIST_DIR'] || `${ROOT_DIR}dist`,
    production: env['NODE_ENV'] === 'production',
    templateQuorum: parseQuorum(env['TEMPLATE_QUORUM']),
    trustedProxies: parseTrustedProxies(env['TRUSTED_PROXIES']),
    smtpUrl,
    mailFrom,
  };
}

/** Configuration for tests: nothing read from the environment. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 4321,
    host: '127.0.0.1',
    databasePath: ':memory:',
    publicOrigin: 'http://127.0.0.1:4321',
    filesPath: '/tmp/turvarada-test-files',
    distDir: `${ROOT_DIR}dist`,
    production: false,
    templateQuorum: 2,
    trustedProxies: new BlockList(),
    smtpUrl: null,
    mailFrom: 'Turvarada <turvarada@turvarada.test>',
    ...overrides,
  };
}
