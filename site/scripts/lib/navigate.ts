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
