// The fuzz test's world: an in-memory app with reference data, a few statuses, and actors whose
// sessions are restored whenever a fuzzed request logged them out, demoted or disabled them.
import type { Role } from '../../../api/auth/session-user.ts';
import { SESSION_COOKIE } from '../../../api/auth/sessions.ts';
import { databaseChecksum, rowCounts } from '../../../api/db/backup.ts';
import { seedCatalogIndex } from '../../../api/catalog/seed.ts';
import { createTestContext, signInAs, type TestContext } from '../../helpers/app.ts';
import type { Who } from './arbitraries.ts';

/** Tables a rejected request may legitimately write: sessions, the audit log, login throttling. */
export const VOLATILE = ['session', 'audit_log', 'login_throttle'];

interface Actor {
  role: Role;
  kovs: string[];
  userId: number;
  token: string;
}

export class FuzzWorld {
  readonly t: TestContext;
  private actors = new Map<Who, Actor>();

  constructor() {
    this.t = createTestContext();
    seedCatalogIndex(this.t.db);
    this.signIn('admin', 'admin', []);
    this.signIn('viewer', 'viewer', ['0141']);
    this.signIn('specialist', 'specialist', ['0141']);
  }

  private signIn(who: Who, role: Role, kovs: string[]) {
    const { token, userId } = signInAs(this.t.db, role, kovs);
    this.actors.set(who, { role, kovs, userId, token });
  }

  /** Re-creates an actor whose session or role a previous (valid) fuzzed request changed. */
  ensureActors(): void {
    for (const [who, a] of this.actors) {
      const ok = this.t.db
        .prepare(
          `SELECT 1 FROM app_user u JOIN session s ON s.user_id = u.id
           WHERE u.id = ? AND u.role = ? AND u.disabled_at IS NULL AND u.access_expires_on IS NULL AND s.id = ?`,
        )
        .get(a.userId, a.role, a.token.split('.')[0]);
      if (!ok) this.signIn(who, a.role, a.kovs);
    }
  }

  async seedStatuses(): Promise<void> {
    for (const [m, v] of [['ISMS.1.M1', 0], ['ORP.4.M1', 0], ['ISMS.1.M1', 1]] as const) {
      const res = await this.send('PUT', `/api/kovs/0141/measures/${m}`, JSON.stringify({ status: 'partial', description: `algus ${v}`, version: v }), 'application/json', 'admin');
      if (res.status !== 200) throw new Error(`seed status ${m}: ${res.status} ${await res.text()}`);
    }
  }

  send(method: string, path: string, body: string | undefined, contentType: string | null, who: Who): Promise<Response> {
    const headers = new Headers();
    if (contentType) headers.set('content-type', contentType);
    const actor = this.actors.get(who);
    if (actor) headers.set('cookie', `${SESSION_COOKIE}=${actor.token}`);
    const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
    return Promise.resolve(this.t.app.request(path, { method, headers, ...(hasBody ? { body } : {}) }));
  }

  private countStmt: { get(): unknown } | null = null;

  /** Row counts of every non-volatile table, in one prepared statement (runs after every write). */
  counts(): string {
    if (!this.countStmt) {
      const tables = Object.keys(rowCounts(this.t.db)).filter((t) => !VOLATILE.includes(t));
      this.countStmt = this.t.db.prepare(`SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(', ')}`);
    }
    return JSON.stringify(this.countStmt.get());
  }

  checksum(): string {
    return databaseChecksum(this.t.db, { exclude: VOLATILE });
  }
}
