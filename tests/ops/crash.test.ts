// Crash safety: SIGKILL the real server while 8 clients write, 20 times over; every write that was
// answered 200 must survive, and the database must pass integrity_check after every restart. Half
// the clients write the organisation object's rows, half the same measures on a target object
// (?object=, issue 18).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/database.ts';
import { createObject } from '../../api/objects/write.ts';
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { seedReference } from '../../scripts/seed/index.ts';
import { signInAs } from '../helpers/app.ts';
import { bundleServer } from '../helpers/bundle-server.ts';
import { exited, spawnServer, type ServerProcess } from '../helpers/process-server.ts';

const ROUNDS = 20;
const CLIENTS = 8;
const EHAK = '0141';

let dir: string;
let bundle: string;
let token: string;
let measures: string[];
let objectId: number;
let org: number;
/** Per "objectId/measureId": the highest version the server acknowledged, with the description it carried. */
const acked = new Map<string, { version: number; description: string }>();
let current: ServerProcess | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tr-crash-'));
  const db = openDatabase(join(dir, 'crash.db'));
  seedReference(db);
  token = signInAs(db, 'specialist', [EHAK]).token;
  measures = db
    .prepare(
      `SELECT pm.measure_id FROM catalog_profile_measure pm JOIN catalog_profile p ON p.id = pm.profile_id
       JOIN catalog_measure m ON m.edition = p.edition AND m.id = pm.measure_id
       WHERE p.edition = '2024' AND p.name = 'KOV' AND m.class = 'basic' ORDER BY pm.measure_id LIMIT ?`,
    )
    .pluck()
    .all(CLIENTS / 2) as string[];
  const modules = [...new Set(measures.map((m) => m.replace(/\.M\d+$/, '')))];
  objectId = createObject(db, EHAK, { name: 'Töökohaarvutid', type: 'it_system', modules }, { id: null }).id;
  org = db.prepare("SELECT id FROM target_object WHERE ehak = ? AND type = 'organisation'").pluck().get(EHAK) as number;
  db.close();
  bundle = await bundleServer();
});

afterAll(async () => {
  if (current && current.child.exitCode === null) {
    current.child.kill('SIGKILL');
    await exited(current.child);
  }
});

/** One HTTP exchange; null when the server died at any point of it (not acknowledged). */
async function exchange(url: string, init: RequestInit): Promise<{ status: number; body: { version: number } } | null> {
  try {
    const res = await fetch(url, init);
    return { status: res.status, body: (await res.json()) as { version: number } };
  } catch {
    return null;
  }
}

async function writer(url: string, measureId: string, object: number | null, stop: { now: boolean }) {
  const headers = { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${token}` };
  const measureUrl = `${url}/api/kovs/${EHAK}/measures/${measureId}${object ? `?object=${object}` : ''}`;
  const key = `${object ?? org}/${measureId}`;
  let version = acked.get(key)?.version ?? -1;
  while (!stop.now) {
    if (version < 0) {
      // First round, or a write of the previous round committed without its answer: read where we are.
      const cur = await exchange(measureUrl, { headers });
      if (!cur) return;
      version = cur.body.version;
    }
    const description = `kirjutus ${measureId} v${version + 1} ${Math.random().toString(36).slice(2)}`;
    const res = await exchange(measureUrl, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ status: version % 2 ? 'partial' : 'implemented', description, version }),
    });
    if (!res) return;
    if (res.status === 409) {
      version = -1;
      continue;
    }
    if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
    acked.set(key, { version: res.body.version, description });
    version = res.body.version;
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs`, async () => {
    expect(measures).toHaveLength(CLIENTS / 2);

    for (let round = 0; round < ROUNDS; round++) {
      current = await spawnServer({ DATABASE_PATH: join(dir, 'crash.db') }, { bundle });
      const stop = { now: false };
      const writers = measures.flatMap((m) => [writer(current!.url, m, null, stop), writer(current!.url, m, objectId, stop)]);
      // Kill at a random moment once writes are flowing (at least a few acknowledged this round).
      const ackedBefore = [...acked.values()].reduce((a, v) => a + v.version, 0);
      const flowing = Date.now() + 5000;
      while (Date.now() < flowing && [...acked.values()].reduce((a, v) => a + v.version, 0) < ackedBefore + CLIENTS) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, Math.random() * 300));
      current.child.kill('SIGKILL');
      stop.now = true;
      await exited(current.child);
      await Promise.all(writers);

      const check = openDatabase(join(dir, 'crash.db'));
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const [key, last] of acked) {
        const [object, measureId] = key.split('/');
        const row = check
          .prepare('SELECT version, description FROM measure_status WHERE ehak = ? AND object_id = ? AND measure_id = ?')
          .get(EHAK, Number(object), measureId) as { version: number; description: string } | undefined;
        expect(row, `${key} lost after round ${round}`).toBeDefined();
        expect(row!.version).toBeGreaterThanOrEqual(last.version);
        // A write that was in flight when the process died may have committed; if not, the
        // acknowledged one must be exactly what is stored.
        if (row!.version === last.version) expect(row!.description).toBe(last.description);
      }
      check.close();
    }
    expect(acked.size).toBe(CLIENTS);
    const total = [...acked.values()].reduce((a, v) => a + v.version, 0);
    expect(total).toBeGreaterThan(ROUNDS);
  }, 300_000);
});
