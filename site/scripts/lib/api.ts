// Browser-side access to the Turvarada API. Every page script goes through apiFetch so errors
// look the same everywhere: an ApiRequestError carrying the API's {error:{code,message,details}}.
import type { Me } from '../../../api/contracts/auth.ts';
import { signInAndReturn } from './navigate.ts';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** fetch + JSON + the one error shape. `json` sends a JSON body. 401 redirects to the login page unless `allowAnonymous`. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown; allowAnonymous?: boolean } = {}): Promise<T> {
  const { json, allowAnonymous, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('accept', 'application/json');
  if (json !== undefined) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  } catch {
    // The browser's own words ("Failed to fetch") are English and say nothing to the user.
    throw new ApiRequestError(0, 'network', 'Ühendus serveriga katkes. Kontrolli võrguühendust.');
  }
  if (res.status === 401 && !allowAnonymous) {
    signInAndReturn();
    throw new ApiRequestError(401, 'unauthorized', 'Palun logi sisse.');
  }
  if (!res.ok) {
    let body: { error?: { code?: string; message?: string; details?: unknown } } = {};
    try {
      body = await res.json();
    } catch {
      /* not JSON: fall through with a generic message */
    }
    const fallback = res.status >= 500 ? `Server ei saanud päringuga hakkama (viga ${res.status}).` : `Päring ebaõnnestus (viga ${res.status}).`;
    throw new ApiRequestError(res.status, body.error?.code ?? 'http_error', body.error?.message ?? fallback, body.error?.details);
  }
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiRequestError(0, 'network', 'Serveri vastus katkes poole pealt.');
  }
}

export type { Me } from '../../../api/contracts/auth.ts';

/** The signed-in user, or null when signed out (no redirect, and no 401 in the console). */
export async function fetchMe(): Promise<Me | null> {
  return (await apiFetch<{ user: Me | null }>('/api/auth/session', { allowAnonymous: true })).user;
}
