// The list of caches (caches.ts) against the database: every table a trigger-driven cache declares
// has insert, update and delete triggers that move its epoch, no trigger moves an epoch for a table
// the list does not name, and the tracker's reference reads no table outside its list (found from
// the query plans of the statements it prepares while loading).
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';
import { deliverCentrally } from '../solutions/test-delivery.ts';
import { deliveredOf, editionFacts, groupsOf, kovList, scopeOf, settingsOf } from '../tracker/reference.ts';
import { CACHES } from './caches.ts';
import type { Db } from './database.ts';

/** epoch → table → the trigger events that move it. */
function epochTriggers(db: Db): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const { tbl_name, sql } of db.prepare("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ tbl_name: string; sql: string }>) {
    const moved = /\bUPDATE\s+(\w+_epoch)\b/i.exec(sql)?.[1];
    const event = /\bAFTER\s+(INSERT|UPDATE|DELETE)\b/i.exec(sql)?.[1]?.toUpperCase();
    if (!moved || !event) continue;
    const tables = out.get(moved) ?? new Map<string, Set<string>>();
    tables.set(tbl_name, (tables.get(tbl_name) ?? new Set()).add(event));
    out.set(moved, tables);
  }
  return out;
}

/** The tables (and tables of the indexes) a statement opens for reading, from its bytecode. */
function tablesRead(db: Db, sql: string): string[] {
  const owner = new Map((db.prepare('SELECT rootpage, tbl_name FROM sqlite_master WHERE rootpage > 0').all() as Array<{ rootpage: number; tbl_name: string }>).map((r) => [r.rootpage, r.tbl_name]));
  const names = [...new Set([...sql.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  const positional = (sql.match(/\?/g) ?? []).length;
  const stmt = db.prepare(`EXPLAIN ${sql}`);
  const params = names.length ? [Object.fromEntries(names.map((n) => [n, null]))] : new Array(positional).fill(null);
  const ops = stmt.all(...params) as Array<{ opcode: string; p2: number; p3: number }>;
  return [...new Set(ops.filter((o) => o.opcode === 'OpenRead' && o.p3 === 0).map((o) => owner.get(o.p2)!))];
}

describe('the declared caches', () => {
  it('are invalidated by triggers on exactly the tables they declare, for every kind of change', () => {
    const t = createTestContext();
    const triggers = epochTriggers(t.db);
    for (const cache of CACHES.filter((c) => c.epoch)) {
      const found = triggers.get(cache.epoch!) ?? new Map();
      expect([...found.keys()].sort(), cache.name).toEqual([...cache.tables].sort());
      for (const table of cache.tables) expect([...(found.get(table) ?? [])].sort(), `${cache.name}: ${table}`).toEqual(['DELETE', 'INSERT', 'UPDATE']);
    }
    const declared = new Set<string>(CACHES.flatMap((c) => (c.epoch ? [c.epoch] : [])));
    expect([...triggers.keys()].filter((e) => !declared.has(e))).toEqual([]);
  });

  it("the tracker's reference reads only the tables its cache declares", () => {
    const t = createTestContext();
    insertTestCatalog(t.db);
    deliverCentrally(t.db, { measureId: 'ISMS.1.M1', provider: 'ELVL', kovs: ['0141'] });
    const prepared: string[] = [];
    const spy = new Proxy(t.db, {
      get(target, prop) {
        if (prop === 'prepare') return (sql: string) => (prepared.push(sql), target.prepare(sql));
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    // Every part of the reference: municipalities, settings, facts, groups, scopes, what models deliver.
    expect(kovList(spy)).toHaveLength(79);
    expect(settingsOf(spy, '0141')).toMatchObject({ approach: 'standard' });
    expect(editionFacts(spy, '2024').measures.length).toBeGreaterThan(0);
    expect(groupsOf(spy).length).toBeGreaterThan(0);
    expect(scopeOf(spy, '0141')!.entries.length).toBeGreaterThan(0);
    expect(deliveredOf(spy, '0141').size).toBe(1);
    const reference = CACHES.find((c) => c.module === 'api/tracker/reference.ts')!;
    const allowed = new Set([...reference.tables, reference.epoch!]);
    const read = prepared.flatMap((sql) => tablesRead(t.db, sql));
    expect(read).toEqual(expect.arrayContaining(['catalog_group', 'solution_model_kov', 'solution_statement', 'kov_scope']));
    expect([...new Set(read.filter((table) => !allowed.has(table)))]).toEqual([]);
  });
});
