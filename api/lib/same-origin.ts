// The one check for every redirect target, on the server (Location headers) and in the pages
// (navigation after sign-in): the target is resolved with the URL parser against our own origin, as
// a browser would resolve it, and only a path on that origin is accepted. What a browser silently
// drops or rewrites (tabs and newlines, backslashes) is therefore judged the way the browser will
// read it. Free of Node and DOM APIs beyond URL, so the API and the site share it.

/**
 * The target as a path on `origin` ("/a/b?c#d", percent-encoded), or null when it leads anywhere
 * else: another host (//evil.example, /\tab/evil.example, /\evil.example), another scheme
 * (javascript:, data:) or an unparsable value.
 */
export function sameOriginPath(target: string | null | undefined, origin: string): string | null {
  if (typeof target !== 'string' || target === '') return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || base.origin === 'null') return null;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" normalises to the path "//evil.example", which as a Location is another host.
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  return path;
}

/** The shape of Hono's context that a redirect needs (kept structural: this file has no imports). */
interface RedirectContext {
  req: { url: string };
  redirect(location: string, status?: 301 | 302 | 303 | 307 | 308): Response;
}

/**
 * Redirects within the site: the target goes through sameOriginPath against the request's own origin,
 * and a target that would leave it goes to `fallback` (a constant path) instead.
 */
export function redirectWithinSite(c: RedirectContext, target: string, status: 301 | 302 | 303 = 302, fallback = '/'): Response {
  const origin = new URL(c.req.url).origin;
  return c.redirect(sameOriginPath(target, origin) ?? fallback, status);
}
