import { createMiddleware } from 'hono/factory';

/** No inline scripts or styles and no remote origins: everything the site needs is served by us. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year; sent only when PUBLIC_ORIGIN is https (see securityHeaders). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Headers for every answer, pages and API alike. HSTS follows the configured public origin, not the
 * request's scheme: behind a TLS-terminating proxy the server itself only ever sees plain HTTP.
 */
export const securityHeaders = (publicOrigin: string) => {
  const hsts = new URL(publicOrigin).protocol === 'https:';
  return createMiddleware(async (c, next) => {
    await next();
    const headers = c.res.headers;
    // A route may set a stricter policy (downloads use `sandbox; default-src 'none'`); keep it.
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (hsts) headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  });
};

/**
 * API answers depend on who asks (the session decides what comes back, or whether anything does), so
 * no cache, shared or the browser's, may keep them. The few public answers (open data, approved
 * template files) set their own Cache-Control and keep it.
 */
export const apiNoStore = createMiddleware(async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
});
