import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../scripts/cli.ts';
import { DIST_DIR, requireBuild } from './built.ts';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  return { stdout, stderr, out: () => out, err: () => err };
}

const saved = process.env['DIST_DIR'];
beforeAll(() => {
  process.env['DIST_DIR'] = DIST_DIR;
});
afterAll(() => {
  if (saved === undefined) delete process.env['DIST_DIR'];
  else process.env['DIST_DIR'] = saved;
});

describe('npm run cli -- search', () => {
  it('prints JSON [{url,title,type,score}] from the built index, honouring --limit', async () => {
    requireBuild();
    const s = io();
    expect(await runCli(['search', 'con.3.m1', '--limit', '3'], s)).toBe(0);
    const rows = JSON.parse(s.out()) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]!).sort()).toEqual(['score', 'title', 'type', 'url']);
    expect(rows[0]).toMatchObject({ url: '/e-its/CON.3/#CON.3.M1', type: 'measure' });
  });

  it('rejects a missing query and a bad --limit with exit 2', async () => {
    const a = io();
    expect(await runCli(['search'], a)).toBe(2);
    expect(a.err()).toMatch(/päring/);
    const b = io();
    expect(await runCli(['search', 'parool', '--limit', 'x'], b)).toBe(2);
    expect(b.err()).toMatch(/--limit/);
  });

  it('reports a missing build as bad input (exit 2)', async () => {
    process.env['DIST_DIR'] = '/nonexistent-turvarada-dist';
    const s = io();
    expect(await runCli(['search', 'parool'], s)).toBe(2);
    expect(s.err()).toMatch(/npm run build/);
    process.env['DIST_DIR'] = DIST_DIR;
  });
});
