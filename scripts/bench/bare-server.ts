// The HTTP floors: bare Hono routes on @hono/node-server, in their own process like the real
// server. GET returns a constant JSON; PUT parses a JSON body and answers it back (the stack's
// own cost of a write request, without any of the product's work).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { ROOT_DIR } from '../../api/config.ts';
import { exited, freePort } from '../../tests/helpers/process-server.ts';

/** Starts this file as a server process; resolves with its base URL and a stop function. */
export async function startBareServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), String(port)], { cwd: ROOT_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const app = new Hono();
  const body = { ok: true, service: 'bench' };
  app.get('/api/constant', (c) => c.json(body));
  app.put('/api/echo/:id', async (c) => c.json({ ...(await c.req.json<Record<string, unknown>>()), id: c.req.param('id') }));
  serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' }, () => process.stderr.write('ready\n'));
}
