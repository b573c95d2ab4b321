// The floor for HTTP: a bare Hono route returning a constant JSON, on @hono/node-server.
// Run as its own process: `node --import tsx scripts/bench/bare-server.ts <port>`.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
const body = { ok: true, service: 'bench' };
app.get('/api/constant', (c) => c.json(body));
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' }, () => process.stderr.write('ready\n'));
