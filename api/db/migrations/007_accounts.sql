-- Accounts (issue 4): invitations and login throttling. Users, sessions and the audit log are in 002.

-- One-time set-password links. Only SHA-256 of the token is stored, so a leaked row cannot be used.
CREATE TABLE invitation (
  id INTEGER PRIMARY KEY,
  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_by INTEGER REFERENCES app_user (id),
  created_at INTEGER NOT NULL, -- unix seconds
  expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
  used_at INTEGER              -- unix seconds; set once, when the password is set
) STRICT;
CREATE INDEX invitation_user ON invitation (user_id);

-- Failed login attempts per key ('account:<email>' or 'ip:<address>'); a success clears the account key.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  last_failure_at INTEGER NOT NULL, -- unix seconds
  locked_until INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
