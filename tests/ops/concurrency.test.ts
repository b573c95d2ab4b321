// Optimistic concurrency under contention: many clients write the SAME measure with the version
// they read. Exactly one write wins per version, the rest get 409, history has no gaps, and no
// other status (5xx, SQLITE_BUSY) ever reaches a client — in one server and across two processes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { openDatabase, type Db } from '../../api/db/database.ts';
import { seedReference } from '../../scripts/seed/index.ts';
import { signInAs } from '../helpers/app.ts';
import { bundleServer } from '../helpers/bundle-server.ts';
import { exited, spawnServer, type ServerProcess } from '../helpers/process-server.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const EHAK = '0141';
const MEASURE = 'ISMS.1.M1';
const CLIENTS = 16;
const ATTEMPTS = 12;

interface Outcome {
  status: number;
  version?: number;
  code?: string;
}

/** One client: read the version, write with it, repeat; every answer is recorded. */
async function client(base: () => string, token: string, measureId: string, i: number, outcomes: Outcome[]) {
  const headers = { cookie: `${SESSION_COOKIE}=${token}`, 'content-type': 'application/json' };
  for (let a = 0; a < ATTEMPTS; a++) {
    const url = `${base()}/api/kovs/${EHAK}/measures/${measureId}`;
    const read = await fetch(url, { headers });
    expect(read.status).toBe(200);
    const { version } = (await read.json()) as { version: number };
    const res = await fetch(url, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ status: a % 2 ? 'partial' : 'implemented', description: `klient ${i} katse ${a}`, version }),
    });
    const body = (await res.json()) as { version?: number; error?: { code: string } };
    outcomes.push({ status: res.status, version: res.status === 200 ? body.version : version + 1, code: body.error?.code });
  }
}

function historyVersions(db: Db, measureId: string): number[] {
  return db.prepare('SELECT version FROM measure_status_history WHERE ehak = ? AND measure_id = ? ORDER BY version').pluck().all(EHAK, measureId) as number[];
}

/** Exactly one 200 per version 1..N, everything else a 409 version_conflict, history 1..N. */
function expectOneWinnerPerVersion(outcomes: Outcome[], history: number[]) {
  const other = outcomes.filter((o) => o.status !== 200 && o.status !== 409);
  expect(other, JSON.stringify(other.slice(0, 3))).toEqual([]);
  expect(outcomes.filter((o) => o.status === 409).every((o) => o.code === 'version_conflict')).toBe(true);
  const won = outcomes.filter((o) => o.status === 200).map((o) => o.version!).sort((a, b) => a - b);
  expect(won.length).toBeGreaterThan(1);
  expect(won).toEqual(Array.from({ length: won.length }, (_, i) => i + 1));
  expect(history).toEqual(won);
}

describe('concurrent writes to one measure', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it(`${CLIENTS} clients in one server: one winner per version, the rest 409, no gaps`, async () => {
    let tokens: string[] = [];
    server = await startTestServer({ prepare: (db) => void (tokens = Array.from({ length: 4 }, () => signInAs(db, 'specialist', [EHAK]).token)) });
    const outcomes: Outcome[] = [];
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(() => server.url, tokens[i % tokens.length]!, MEASURE, i, outcomes)));
    expect(outcomes).toHaveLength(CLIENTS * ATTEMPTS);
    expect(outcomes.some((o) => o.status === 409)).toBe(true);
    expectOneWinnerPerVersion(outcomes, historyVersions(server.db, MEASURE));
  }, 60_000);
});

describe('two server processes on one database file', () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await exited(s.child);
    }
  });

  it('SQLite locking across processes: one winner per version, never a 5xx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tr-conc-'));
    const path = join(dir, 'shared.db');
    const db = openDatabase(path);
    seedReference(db);
    const token = signInAs(db, 'specialist', [EHAK]).token;
    const others = db
      .prepare(
        `SELECT m.id FROM catalog_profile p JOIN catalog_profile_measure pm ON pm.profile_id = p.id
         JOIN catalog_measure m ON m.edition = pm.edition AND m.id = pm.measure_id
         WHERE p.edition = '2024' AND p.name = 'KOV' AND m.class = 'basic' AND m.id <> ? ORDER BY m.id LIMIT 4`,
      ).pluck()
      .all(MEASURE) as string[];
    db.close();
    const bundle = await bundleServer();
    const env = { DATABASE_PATH: path, FILES_PATH: join(dir, 'files') };
    servers.push(await spawnServer(env, { bundle }), await spawnServer(env, { bundle }));
    const same: Outcome[] = [];
    const spread: Outcome[] = [];
    let turn = 0;
    // Each request goes to the other process than the one before, so reads and writes interleave across them.
    const next = () => servers[turn++ % 2]!.url;
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => client(next, token, MEASURE, i, same)),
      ...others.map((m, i) => client(next, token, m, 100 + i, spread)),
    ]);
    const check = openDatabase(path);
    try {
      expectOneWinnerPerVersion(same, historyVersions(check, MEASURE));
      expect(spread.filter((o) => o.status !== 200 && o.status !== 409)).toEqual([]);
      for (const m of others) expect(historyVersions(check, m)).toEqual(Array.from({ length: historyVersions(check, m).length }, (_, i) => i + 1));
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
  }, 120_000);
});
