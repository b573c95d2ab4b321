// The people migration (NNN_people.sql) rebuilds the outbox to learn the reminder kinds: mail queued before it, sent or not,
// keeps every field (its Message-ID above all); the CHECK still refuses an unknown kind.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../db/migrate.ts';

describe('migration NNN_people', () => {
  it('keeps the outbox rows and accepts the new kinds', () => {
    const db = new Database(':memory:');
    const all = loadMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_people.sql')); // by name: the integrator may renumber it
    for (const m of all.slice(0, at)) db.exec(m.sql);
    db.pragma(`user_version = ${at}`);
    db.prepare(
      `INSERT INTO mail_outbox (kind, to_address, subject, text, html, message_id, created_at, attempts, next_attempt_at, sent_at, last_error)
       VALUES ('invitation', 'mari@vald.ee', 'S', 'T', 'H', '<a@x>', 100, 2, 200, NULL, 'Try again later')`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT * FROM mail_outbox').all()).toEqual([
      { id: 1, kind: 'invitation', to_address: 'mari@vald.ee', subject: 'S', text: 'T', html: 'H', message_id: '<a@x>', created_at: 100, attempts: 2, next_attempt_at: 200, sent_at: null, last_error: 'Try again later' },
    ]);
    db.prepare("INSERT INTO mail_outbox (kind, to_address, subject, text, html, message_id, created_at, next_attempt_at) VALUES ('reminder', 'a@b.ee', 's', 't', 'h', '<b@x>', 1, 1)").run();
    expect(() => db.prepare("INSERT INTO mail_outbox (kind, to_address, subject, text, html, message_id, created_at, next_attempt_at) VALUES ('spam', 'a@b.ee', 's', 't', 'h', '<c@x>', 1, 1)").run()).toThrow(/CHECK/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'mail_outbox_due'").pluck().get()).toBe(1);
  });
});
