// Serves the built knowledge base from dist/: one trailing-slash policy, real 404s,
// cache headers, gzip/brotli for text, HEAD and Range.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { redirectFor } from './redirects.ts';
import { sameOriginPath } from './lib/same-origin.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.txt', '.md', '.svg']);

interface StaticFile {
  body: Buffer;
  type: string;
  gzip?: Buffer;
  br?: Buffer;
  mtime: Date;
}

export function createStaticHandler(distDir: string) {
  const root = normalize(distDir + '/');
  const cache = new Map<string, StaticFile>();

  function load(rel: string): StaticFile | null {
    const hit = cache.get(rel);
    if (hit) return hit;
    const abs = normalize(join(root, rel));
    if (!abs.startsWith(root) || !existsSync(abs) || !statSync(abs).isFile()) return null;
    const body = readFileSync(abs);
    const ext = extname(abs);
    const file: StaticFile = { body, type: TYPES[ext] ?? 'application/octet-stream', mtime: statSync(abs).mtime };
    if (COMPRESSIBLE.has(ext) && body.length > 512) {
      file.gzip = gzipSync(body, { level: 9 });
      file.br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    }
    cache.set(rel, file);
    return file;
  }

  function respond(c: Context, file: StaticFile, status: 200 | 404, cacheControl: string): Response {
    const headers = new Headers({
      'Content-Type': file.type,
      'Cache-Control': cacheControl,
      'Last-Modified': file.mtime.toUTCString(),
      'Accept-Ranges': 'bytes',
      Vary: 'Accept-Encoding',
    });
    let body: Buffer = file.body;
    const range = c.req.header('range');
    if (range && status === 200) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
      const size = file.body.length;
      let start = m?.[1] ? Number(m[1]) : NaN;
      let end = m?.[2] ? Number(m[2]) : size - 1;
      if (m && !m[1] && m[2]) {
        start = Math.max(0, size - Number(m[2]));
        end = size - 1;
      }
      if (!m || Number.isNaN(start) || start > end || start >= size) {
        headers.set('Content-Range', `bytes */${size}`);
        return new Response(null, { status: 416, headers });
      }
      end = Math.min(end, size - 1);
      headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
      headers.set('Content-Length', String(end - start + 1));
      return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(file.body.subarray(start, end + 1)), { status: 206, headers });
    }
    const accept = c.req.header('accept-encoding') ?? '';
    if (file.br && /\bbr\b/.test(accept)) {
      body = file.br;
      headers.set('Content-Encoding', 'br');
    } else if (file.gzip && /\bgzip\b/.test(accept)) {
      body = file.gzip;
      headers.set('Content-Encoding', 'gzip');
    }
    headers.set('Content-Length', String(body.length));
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status, headers });
  }

  return async function serveStatic(c: Context): Promise<Response> {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.text('Meetod ei ole lubatud', 405, { Allow: 'GET, HEAD' });
    }
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      path = '/\u0000';
    }
    const { origin, search: query } = new URL(c.req.url);
    // One URL per page: /juhendid/ (directory style). /juhendid and /juhendid/index.html redirect there,
    // never to another host: //evil.example/index.html or /%5Cevil.example/index.html answer 404.
    const redirect = (target: string) => {
      const location = sameOriginPath(target, origin);
      return location ? c.redirect(location, 301) : notFoundPage(c);
    };
    // Merged or renamed pages keep working: one 301 to the surviving page (api/redirects.ts).
    const moved = redirectFor(path);
    if (moved) return redirect(moved + query);
    if (path.endsWith('/index.html')) return redirect(path.slice(0, -'index.html'.length) + query);
    if (path.includes('\u0000') || path.includes('/../') || path.includes('\\')) return notFoundPage(c);
    if (path.endsWith('/')) {
      const file = load(path + 'index.html');
      if (file) return respond(c, file, 200, 'public, max-age=300, must-revalidate');
      return notFoundPage(c);
    }
    const file = load(path);
    if (file) {
      const immutable = path.startsWith('/_astro/');
      return respond(c, file, 200, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    }
    if (!extname(path) && load(path + '/index.html')) return redirect(path + '/' + query);
    return notFoundPage(c);
  };

  function notFoundPage(c: Context): Response {
    const file = load('/404.html');
    if (file) return respond(c, file, 404, 'no-cache');
    return c.text('Lehte ei leitud (404). Sait on ehitamata: käivita npm run build.', 404);
  }
}
