// Request bodies are read once, into a Buffer, after the session is known and only up to the
// route's limit (body-limits.ts). The Node adapter would otherwise turn every body into a web
// ReadableStream and a full Request object: about a seventh of a status write's CPU in the server
// profile (bench/README.md, BENCH_PROFILE). Seeding `rawBody` before anything asks for the body
// makes the adapter hand Hono that Buffer instead.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './lib/context.ts';
import { ApiError, unauthorized } from './lib/errors.ts';
import { BodyBudget, bodyLimitFor, formatBytes, MAX_MULTIPART_PARTS, tooManyParts } from './body-limits.ts';

/** The Node request as the adapter passes it; `rawBody` is what the adapter builds the body from. */
interface NodeRequest extends IncomingMessage {
  rawBody?: Buffer;
}
type NodeBindings = { incoming?: NodeRequest; outgoing?: ServerResponse };

const tooLarge = (maxBytes: number) => new ApiError(413, 'payload_too_large', `Päringu keha on liiga suur (lubatud kuni ${formatBytes(maxBytes)}).`);
const incomplete = () => new ApiError(400, 'incomplete_body', 'Päringu keha jäi pooleli.');
const busy = () => new ApiError(503, 'server_busy', 'Server võtab praegu vastu liiga palju andmeid korraga. Proovi mõne hetke pärast uuesti.');

/**
 * Reads a Node request body up to `maxBytes`, asking `reserve` for room in the shared budget as
 * it grows. A larger or over-budget body is refused as soon as it shows, and the rest is never
 * buffered (the adapter drains it briefly after the answer, then closes the connection).
 */
function readBody(req: NodeRequest, maxBytes: number, reserve: (total: number) => boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (err: ApiError | null) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onError);
      if (err) {
        req.pause();
        reject(err);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      if (!reserve(size)) return done(busy());
      chunks.push(chunk);
    };
    const onEnd = () => done(null);
    const onError = () => done(incomplete());
    req.on('data', onData).once('end', onEnd).once('error', onError).once('close', onError);
  });
}

/**
 * The API's body middleware; runs after the session middleware. Refuses, before reading: an upload
 * by someone not signed in (401), a declared length over the route's limit (413), a declared length
 * the shared budget cannot hold (503). Then reads the body, cutting a chunked one off at the limit,
 * and refuses a multipart body of too many parts before the form parser sees it. JSON is handed to
 * Hono as text. In-process requests (tests) go through Hono's bodyLimit instead.
 */
export function requestBodies(maxBufferedBytes: number) {
  const budget = new BodyBudget(maxBufferedBytes);
  return createMiddleware<AppEnv & { Bindings: NodeBindings }>(async (c, next) => {
    // GET and HEAD carry no body; asking for one would build a full web Request for nothing.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const type = c.req.header('content-type') ?? '';
    const limit = bodyLimitFor(c.req.method, c.req.path, type, c.get('user') !== null);
    if ('signInFirst' in limit) throw unauthorized();
    const { maxBytes } = limit;
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > maxBytes) throw tooLarge(maxBytes);
    const { incoming, outgoing } = c.env ?? {};
    if (!incoming || !outgoing) {
      const limitStream = bodyLimit({
        maxSize: maxBytes,
        onError: () => {
          throw tooLarge(maxBytes);
        },
      });
      return limitStream(c, next);
    }
    if (!incoming.rawBody) {
      let held = 0;
      const reserve = (total: number) => {
        if (total > held && !budget.take(total - held)) return false;
        held = Math.max(held, total);
        return true;
      };
      outgoing.once('close', () => budget.give(held));
      if (declared > 0 && !reserve(declared)) throw busy();
      incoming.rawBody = await readBody(incoming, maxBytes, reserve);
    }
    if (/^multipart\/form-data\b/i.test(type) && tooManyParts(incoming.rawBody, type)) {
      throw new ApiError(400, 'too_many_parts', `Vormis on liiga palju välju (lubatud kuni ${MAX_MULTIPART_PARTS}).`);
    }
    // Hono's c.req.json() parses its cached text; seeding it skips the web-stream round trip.
    // A body that does not parse still fails there, so the validator answers 400 as always.
    if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
      // (The cache holds promises at run time; its declared type says values.)
      (c.req.bodyCache as Record<string, unknown>)['text'] = Promise.resolve(incoming.rawBody.toString('utf8'));
    await next();
  });
}
