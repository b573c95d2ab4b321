// The scheduler runs at start and then on its interval, one run after another, and stop() ends it.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs } from '../../tests/helpers/app.ts';
import { updateMeasureStatus } from '../tracker/status-write.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';
import { createNotificationScheduler, type NotificationScheduler } from './scheduler.ts';

let scheduler: NotificationScheduler | undefined;
afterEach(() => scheduler?.stop());

const waitFor = async (check: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('notification scheduler', () => {
  it('queues at start, again on its interval when something new is due, and nothing after stop', async () => {
    const t = createTestContext();
    insertTestCatalog(t.db);
    const owner = signInAs(t.db, 'specialist', ['0141']);
    t.db.prepare('UPDATE app_user SET weekly_digest = 0 WHERE id = ?').run(owner.userId);
    const due = (dueDate: string, version: number) =>
      updateMeasureStatus(t.db, '0141', 'ISMS.1.M1', { status: 'partial', ownerUserId: owner.userId, dueDate, version }, { id: owner.userId, ip: null });
    const mails = () => t.db.prepare('SELECT count(*) FROM mail_outbox').pluck().get() as number;
    due('2020-01-01', 0);
    const lines: string[] = [];
    scheduler = createNotificationScheduler({ db: t.db, publicOrigin: 'https://turvarada.example', intervalMs: 20, log: (l) => lines.push(l) });
    scheduler.start();
    expect(await waitFor(() => mails() === 1)).toBe(true);
    due('2020-02-01', 1); // a new due date is a new occasion
    expect(await waitFor(() => mails() === 2)).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ notifications: 1 });
    scheduler.stop();
    due('2020-03-01', 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(mails()).toBe(2);
  });
});
