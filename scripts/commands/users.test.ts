import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../api/db/database.ts';
import { runCli } from '../cli.ts';

let dbPath: string;
const saved = { ...process.env };
beforeEach(() => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'turvarada-users-')), 'cli.db');
  process.env['DATABASE_PATH'] = dbPath;
  process.env['PUBLIC_ORIGIN'] = 'https://turvarada.example';
});
afterEach(() => {
  process.env = { ...saved };
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const sink = (fn: (s: string) => void) => new Writable({ write: (chunk, _e, cb) => (fn(String(chunk)), cb()) });
  const code = await runCli(argv, { stdout: sink((s) => (out += s)) as never, stderr: sink((s) => (err += s)) as never });
  return { code, out, err };
}
const userCount = () => {
  const db = openDatabase(dbPath);
  try {
    return db.prepare('SELECT count(*) FROM app_user').pluck().get();
  } finally {
    db.close();
  }
};

const outbox = () => {
  const db = openDatabase(dbPath);
  try {
    return db.prepare('SELECT kind, to_address, text FROM mail_outbox ORDER BY id').all() as Array<{ kind: string; to_address: string; text: string }>;
  } finally {
    db.close();
  }
};

describe('users CLI', () => {
  it('mails the printed link through the outbox (create and invite), and nothing with --password-stdin', async () => {
    const r = await cli('users', 'create', '--email', 'mari@vald.ee', '--name', 'Mari', '--role', 'viewer', '--kov', '0141');
    const link = /https:\/\/turvarada\.example\/seadista-parool\/#token=[A-Za-z0-9_-]{43}/.exec(r.out)![0];
    expect(r.out).toContain('Sama link on saadetud kirjaga aadressile mari@vald.ee');
    const again = await cli('users', 'invite', '--email', 'mari@vald.ee');
    const second = /https:\/\/turvarada\.example\/seadista-parool\/#token=[A-Za-z0-9_-]{43}/.exec(again.out)![0];
    const mails = outbox();
    expect(mails.map((m) => [m.kind, m.to_address])).toEqual([
      ['invitation', 'mari@vald.ee'],
      ['invitation', 'mari@vald.ee'],
    ]);
    expect(mails[0]!.text).toContain(link);
    expect(mails[1]!.text).toContain(second);
  });

  it('creates a user with an invitation link and lists it', async () => {
    const r = await cli('users', 'create', '--email', 'Siim@Vald.ee', '--name', 'Siim', '--role', 'specialist', '--kov', '0141', '--kov', '0198');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/https:\/\/turvarada\.example\/seadista-parool\/#token=[A-Za-z0-9_-]{43}/);
    const list = await cli('users', 'list');
    expect(list.out).toContain('siim@vald.ee\tSiim\tspecialist\t0141,0198\tkutse saadetud');
    // A new link: also with the token in the fragment, never in the path or query the server sees.
    const again = await cli('users', 'invite', '--email', 'siim@vald.ee');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/https:\/\/turvarada\.example\/seadista-parool\/#token=[A-Za-z0-9_-]{43}\n/);
  });

  it('exits 2 and writes nothing for a bad role, municipality, e-mail or missing expiry', async () => {
    for (const args of [
      ['--email', 'a@b.ee', '--name', 'A', '--role', 'boss'],
      ['--email', 'a@b.ee', '--name', 'A', '--role', 'viewer', '--kov', '9999'],
      ['--email', 'not-email', '--name', 'A', '--role', 'admin'],
      ['--email', 'a@b.ee', '--name', 'A', '--role', 'auditor', '--kov', '0141'],
      ['--email', 'a@b.ee', '--name', 'A', '--role', 'auditor', '--kov', '0141', '--expires', '2099-02-30'],
      ['--email', 'a@b.ee', '--role', 'admin'],
    ]) {
      const r = await cli('users', 'create', ...args);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(userCount()).toBe(0);
  });

  it('disables a user and refuses to disable the last admin', async () => {
    await cli('users', 'create', '--email', 'a@b.ee', '--name', 'A', '--role', 'admin');
    await cli('users', 'create', '--email', 'v@b.ee', '--name', 'V', '--role', 'viewer', '--kov', '0141');
    expect((await cli('users', 'disable', '--email', 'v@b.ee')).code).toBe(0);
    expect((await cli('users', 'list')).out).toContain('v@b.ee\tV\tviewer\t0141\tsuletud');
    expect((await cli('users', 'disable', '--email', 'a@b.ee')).code).toBe(2);
    expect((await cli('users', 'disable', '--email', 'keegi@b.ee')).code).toBe(2);
  });

  it('marks a viewer as head of its municipality and refuses other roles', async () => {
    await cli('users', 'create', '--email', 'juht@vald.ee', '--name', 'Juht', '--role', 'viewer', '--kov', '0141');
    await cli('users', 'create', '--email', 'a@b.ee', '--name', 'A', '--role', 'admin');
    const r = await cli('users', 'set-head', '--email', 'juht@vald.ee');
    expect(r.code).toBe(0);
    expect(r.out).toContain('omavalitsuse juht');
    const flag = () => {
      const db = openDatabase(dbPath);
      try {
        return db.prepare(`SELECT kov_head FROM app_user WHERE email = 'juht@vald.ee'`).pluck().get();
      } finally {
        db.close();
      }
    };
    expect(flag()).toBe(1);
    expect((await cli('users', 'set-head', '--email', 'juht@vald.ee', '--off')).code).toBe(0);
    expect(flag()).toBe(0);
    expect((await cli('users', 'set-head', '--email', 'a@b.ee')).code).toBe(2);
  });
});
