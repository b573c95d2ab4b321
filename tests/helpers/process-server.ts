import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT_DIR } from '../../api/config.ts';

/** A free loopback port (the OS picks; we release it right away for the child to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
}

/**
 * Runs `api/server.ts` as its own process (what `npm run serve` runs), or a bundle of it from
 * bundleServer(), and waits for /api/health.
 */
export async function spawnServer(env: Record<string, string>, options: { port?: number; bundle?: string; nodeArgs?: string[] } = {}): Promise<ServerProcess> {
  const p = options.port ?? (await freePort());
  const args = [...(options.nodeArgs ?? []), ...(options.bundle ? [options.bundle] : ['--import', 'tsx', 'api/server.ts'])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT_DIR,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(p), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in 30 s: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, output: () => out };
}

/** Resolves when the process has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
