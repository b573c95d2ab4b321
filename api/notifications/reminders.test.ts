// Reminders: each goes out once per occasion (a second run queues nothing), to the right person, in the
// transaction that records it; a new due date or owner is a new occasion; the digest can be turned off.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, signInAs, type TestContext } from '../../tests/helpers/app.ts';
import { insertTestCatalog } from '../tracker/test-catalog.ts';
import { isoWeek } from './dates.ts';
import { runNotifications } from './reminders.ts';

const KOV = '0141';
const OTHER = '0198';
const TODAY = '2026-12-02';
const ORIGIN = 'https://turvarada.example';
let t: TestContext;
let owner: { token: string; userId: number };
let email: (id: number) => string;

beforeEach(() => {
  t = createTestContext();
  insertTestCatalog(t.db);
  owner = signInAs(t.db, 'specialist', [KOV]);
  email = (id) => t.db.prepare('SELECT email FROM app_user WHERE id = ?').pluck().get(id) as string;
});

const put = (measureId: string, json: unknown, as = owner.token, ehak = KOV) => t.request(`/api/kovs/${ehak}/measures/${measureId}`, { method: 'PUT', json, as });
const mails = () =>
  t.db.prepare('SELECT kind, to_address, subject, text FROM mail_outbox ORDER BY id').all() as Array<{ kind: string; to_address: string; subject: string; text: string }>;
const sent = () => t.db.prepare('SELECT kind, subject, occasion FROM notification_sent ORDER BY kind, subject').all();
const run = (today = TODAY) => runNotifications(t.db, ORIGIN, today);
const noDigest = (id: number) => t.db.prepare('UPDATE app_user SET weekly_digest = 0 WHERE id = ?').run(id);

describe('measure reminders', () => {
  it('tells the owner once when a measure is due within 14 days and once more when it is overdue', async () => {
    noDigest(owner.userId);
    await put('ISMS.1.M1', { status: 'partial', ownerUserId: owner.userId, dueDate: '2026-12-10', version: 0 });
    await put('ISMS.1.M2', { status: 'partial', ownerUserId: owner.userId, dueDate: '2026-12-31', version: 0 }); // beyond 14 days
    await put('OPS.1.1.2.M1', { status: 'implemented', ownerUserId: owner.userId, dueDate: '2026-12-03', version: 0 }); // done
    expect(run()).toBe(1);
    expect(mails()).toEqual([
      expect.objectContaining({ kind: 'reminder', to_address: email(owner.userId), subject: 'Turvarada: meetme ISMS.1.M1 tähtaeg on 10.12.2026' }),
    ]);
    expect(mails()[0]!.text).toContain(`${ORIGIN}/jalgimine/meede/?ehak=${KOV}&id=ISMS.1.M1`);
    expect(sent()).toEqual([{ kind: 'measure_due', subject: `${KOV}/2024/ISMS.1.M1`, occasion: `2026-12-10:${owner.userId}` }]);
    expect(run()).toBe(0);
    expect(run('2026-12-11')).toBe(1);
    expect(mails()[1]!.subject).toBe('Turvarada: meetme ISMS.1.M1 tähtaeg on möödas');
    expect(run('2026-12-12')).toBe(0);
  });

  it('reminds again for a new due date or a new owner, and never an owner who lost access', async () => {
    noDigest(owner.userId);
    await put('ISMS.1.M1', { status: 'partial', ownerUserId: owner.userId, dueDate: '2026-12-10', version: 0 });
    expect(run()).toBe(1);
    await put('ISMS.1.M1', { status: 'partial', dueDate: '2026-12-12', version: 1 });
    expect(run()).toBe(1);
    const other = signInAs(t.db, 'viewer', [KOV]);
    noDigest(other.userId);
    await put('ISMS.1.M1', { status: 'partial', ownerUserId: other.userId, version: 2 });
    t.db.prepare('DELETE FROM user_kov WHERE user_id = ?').run(other.userId);
    expect(run()).toBe(0);
    expect(sent()).toHaveLength(2);
  });
});

describe('dates that remind', () => {
  it("reminds of an accepted risk's review date and of evidence that stops being valid, to the owner or else the specialists", async () => {
    noDigest(owner.userId);
    const res = await put('ISMS.1.M1', {
      status: 'risk_accepted',
      justification: 'Väike mõju',
      acceptedBy: 'Vallavanem',
      acceptedAt: '2026-01-10',
      reviewDate: '2026-12-14',
      version: 0,
    });
    expect(await res.json()).toMatchObject({ reviewDate: '2026-12-14' });
    const ev = await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M2/evidence`, {
      method: 'POST',
      json: { url: 'https://vald.ee/leping.pdf', validUntil: '2026-12-05' },
      as: owner.token,
    });
    expect(ev.status).toBe(201);
    expect(await ev.json()).toMatchObject({ validUntil: '2026-12-05' });
    expect(run()).toBe(2);
    expect(mails().map((m) => [m.to_address, m.subject])).toEqual([
      [email(owner.userId), 'Turvarada: aktsepteeritud riski ülevaatus 14.12.2026'],
      [email(owner.userId), 'Turvarada: tõendi kehtivus lõpeb 05.12.2026'],
    ]);
    expect(run()).toBe(0);
    // A status other than an accepted risk keeps no review date.
    await put('ISMS.1.M1', { status: 'partial', version: 1 });
    expect(t.db.prepare('SELECT review_date FROM measure_status WHERE measure_id = ?').pluck().get('ISMS.1.M1')).toBeNull();
  });

  it('refuses an invalid validity date with a field error and stores nothing', async () => {
    const ev = await t.request(`/api/kovs/${KOV}/measures/ISMS.1.M2/evidence`, { method: 'POST', json: { url: 'https://vald.ee/x', validUntil: '2026-02-30' }, as: owner.token });
    expect(ev.status).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM measure_evidence').pluck().get()).toBe(0);
  });

  it("reminds the specialists of municipalities that have not submitted of a reporting period's deadline", async () => {
    noDigest(owner.userId);
    const other = signInAs(t.db, 'specialist', [OTHER]);
    const analyst = signInAs(t.db, 'analyst');
    const opened = await t.request('/api/reporting-periods', { method: 'POST', json: { name: '2026', deadline: '2026-12-15' }, as: analyst.token });
    const { id } = (await opened.json()) as { id: number };
    expect((await t.request(`/api/kovs/${KOV}/reporting-periods/${id}/submit`, { method: 'POST', json: {}, as: owner.token })).status).toBe(200);
    expect(run()).toBe(1);
    expect(mails()).toEqual([expect.objectContaining({ to_address: email(other.userId), subject: 'Turvarada: aruandeperioodi „2026“ tähtaeg on 15.12.2026' })]);
    expect(run()).toBe(0);
  });
});

describe('weekly digest', () => {
  it('sends each person with open tasks one digest a week, unless they turned it off', async () => {
    await put('ISMS.1.M1', { status: 'partial', ownerUserId: owner.userId, dueDate: '2027-03-01', version: 0 });
    expect(run()).toBe(1);
    expect(mails()[0]).toMatchObject({ kind: 'weekly_digest', to_address: email(owner.userId), subject: 'Turvarada: sinu nädala ülesanded' });
    expect(mails()[0]!.text).toContain('ISMS.1.M1 Meede ISMS.1.M1');
    expect(sent()).toEqual([{ kind: 'weekly_digest', subject: String(owner.userId), occasion: isoWeek(TODAY) }]);
    expect(run('2026-12-06')).toBe(0); // Sunday: the same ISO week
    const off = await t.request('/api/me/preferences', { method: 'PATCH', json: { weeklyDigest: false }, as: owner.token });
    expect(await off.json()).toEqual({ weeklyDigest: false });
    expect(t.db.prepare('SELECT weekly_digest FROM app_user WHERE id = ?').pluck().get(owner.userId)).toBe(0);
    expect(await (await t.request('/api/me/preferences', { as: owner.token })).json()).toEqual({ weeklyDigest: false });
    expect(run('2026-12-07')).toBe(0);
    expect((await t.request('/api/me/preferences', { method: 'PATCH', json: { weeklyDigest: 'no' }, as: owner.token })).status).toBe(400);
  });

  it('knows ISO weeks across a year end', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2026-12-02')).toBe('2026-W49');
  });
});
