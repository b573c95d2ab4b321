// Request bodies are read once, into a Buffer, before Hono sees the request. The Node adapter
// otherwise turns every body into a web ReadableStream and a full Request object: about a
// seventh of a status write's CPU in the server profile (bench/README.md, BENCH_PROFILE).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ApiError } from './lib/errors.ts';

/** What the buffering listener leaves on the Node request (`rawBody` is also read by the adapter). */
export interface BufferedRequest extends IncomingMessage {
  rawBody?: Buffer;
  bodyTooLarge?: boolean;
}

/**
 * Wraps a Node request listener: bodies up to `maxBytes` arrive as `rawBody`; a larger one is read to
 * its end and dropped, and flagged for a 413 (the server's request timeout bounds a slow sender).
 */
export function bufferBodies(listener: RequestListener, maxBytes: number): RequestListener {
  return (req: BufferedRequest, res: ServerResponse) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return void listener(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) req.bodyTooLarge = true;
      else chunks.push(chunk);
    });
    req.once('end', () => {
      req.rawBody = req.bodyTooLarge ? Buffer.alloc(0) : Buffer.concat(chunks, size);
      listener(req, res);
    });
    req.once('error', () => res.destroy());
  };
}

/**
 * The API's body middleware. Through the server (bufferBodies): refuses a body that was too large
 * and hands a JSON body to Hono as text. Called directly (tests): Hono's bodyLimit on the stream.
 */
export function requestBodies(maxBytes: number) {
  const tooLarge = () => new ApiError(413, 'payload_too_large', `Päringu keha on liiga suur (üle ${maxBytes / 1024 / 1024} MB).`);
  const limitStream = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return createMiddleware<{ Bindings: { incoming?: BufferedRequest } }>(async (c, next) => {
    // GET and HEAD carry no body; asking for one would build a full web Request for nothing.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const incoming = c.env?.incoming;
    if (!incoming?.rawBody) return limitStream(c, next);
    if (incoming.bodyTooLarge) throw tooLarge();
    // Hono's c.req.json() parses its cached text; seeding it skips the web-stream round trip.
    // A body that does not parse still fails there, so the validator answers 400 as always.
    if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? ''))
      // (The cache holds promises at run time; its declared type says values.)
      (c.req.bodyCache as Record<string, unknown>)['text'] = Promise.resolve(incoming.rawBody.toString('utf8'));
    await next();
  });
}
