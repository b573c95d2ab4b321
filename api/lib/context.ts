import type { Db } from '../db/database.ts';
import type { AppConfig } from '../config.ts';
import type { SessionUser } from '../auth/session-user.ts';

/** Variables every request carries; set by the app factory's first middleware and the session middleware. */
export interface AppEnv {
  Variables: {
    db: Db;
    config: AppConfig;
    requestId: string;
    /** The signed-in user, or null. Set by the session middleware for every /api request. */
    user: SessionUser | null;
    /** Id of the current session (for logout and the sessions list), or null. */
    sessionId: string | null;
  };
}
