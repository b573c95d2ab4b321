-- Accounts. One global role per user; municipality assignments in user_kov.
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'specialist', 'viewer', 'reviewer', 'auditor')),
  -- argon2id PHC string; NULL until the user sets a password via an invitation.
  password_hash TEXT,
  -- Estonian personal code (TARA `sub`, e.g. EE38001085718) linked by an admin; NULL if not linked.
  personal_code TEXT UNIQUE,
  -- Access ends at the start of this day (ISO date); used for auditors.
  access_expires_on TEXT CHECK (access_expires_on IS NULL OR access_expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  disabled_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE user_kov (
  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  PRIMARY KEY (user_id, ehak)
) STRICT, WITHOUT ROWID;

-- Sessions as in the Lucia guide: token "<id>.<secret>", only SHA-256(secret) stored.
CREATE TABLE session (
  id TEXT PRIMARY KEY,
  secret_hash BLOB NOT NULL,
  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,   -- unix seconds
  last_used_at INTEGER NOT NULL, -- unix seconds; drives the idle limit
  expires_at INTEGER NOT NULL,   -- unix seconds; sliding, renewed when half used
  user_agent TEXT,
  ip TEXT
) STRICT;
CREATE INDEX session_user ON session (user_id);

-- Append-only log of security events and every data change.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor_id INTEGER REFERENCES app_user (id),
  action TEXT NOT NULL,      -- e.g. 'login.success', 'measure_status.update'
  entity TEXT NOT NULL,      -- e.g. 'session', 'measure_status', 'budget_plan'
  entity_id TEXT,
  kov TEXT,                  -- EHAK when the change concerns one municipality
  old_value TEXT,            -- JSON
  new_value TEXT,            -- JSON
  ip TEXT
) STRICT;
CREATE INDEX audit_log_kov_at ON audit_log (kov, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
