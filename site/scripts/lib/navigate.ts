// Every navigation a page script starts goes through here, and so through the one same-origin check
// the server uses for its redirects (api/lib/same-origin.ts): a target that would leave the site goes
// to the fallback instead.
import { sameOriginPath } from '../../../api/lib/same-origin.ts';

/** A same-origin path for the target, resolved against this page's origin, else `fallback`. */
export function withinSite(target: string | null | undefined, fallback: string): string {
  return sameOriginPath(target, window.location.origin) ?? fallback;
}

/** location.assign (or .replace), for same-origin targets only. */
export function navigate(target: string, options: { replace?: boolean; fallback?: string } = {}): void {
  const path = withinSite(target, options.fallback ?? '/');
  if (options.replace) window.location.replace(path);
  else window.location.assign(path);
}

/** The sign-in page, coming back here afterwards. */
export function signInAndReturn(): void {
  navigate(`/logi-sisse/?tagasi=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}

/**
 * The one navigation that leaves the site: to the identity provider (TARA) for a fresh login, with the
 * authorization URL the API made. Only an https URL that brings the browser back to this site's TARA
 * callback is followed; anything else stays here (false).
 */
export function navigateToIdentityProvider(url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const back = target.searchParams.get('redirect_uri');
  if (target.protocol !== 'https:' || !back || withinSite(back, '') !== '/api/auth/tara/callback') return false;
  window.location.assign(target.href);
  return true;
}
