-- People in the loop (issue 20): a measure's owner is an account, dates that remind, and the record of
-- every reminder sent, so each goes out once per occasion even across restarts and processes.

-- The owner: a user who can see the municipality (checked on write, api/tracker/owner.ts); the free-text
-- `responsible` stays for people without an account. Additive, so a parallel rebuild of the table merges.
ALTER TABLE measure_status ADD COLUMN owner_user_id INTEGER REFERENCES app_user (id);
-- An accepted risk is looked at again on this date ("ülevaatamise kuupäev").
ALTER TABLE measure_status ADD COLUMN review_date TEXT CHECK (review_date IS NULL OR review_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
-- "Minu ülesanded" and the reminders find a person's records without a scan.
CREATE INDEX measure_status_owner ON measure_status (owner_user_id) WHERE owner_user_id IS NOT NULL;

-- Evidence that expires ("kehtib kuni"), e.g. a contract or a test report.
ALTER TABLE measure_evidence ADD COLUMN valid_until TEXT CHECK (valid_until IS NULL OR valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

-- Each person may turn the weekly digest off.
ALTER TABLE app_user ADD COLUMN weekly_digest INTEGER NOT NULL DEFAULT 1 CHECK (weekly_digest IN (0, 1));

-- One row per reminder sent: kind ('measure_due', 'weekly_digest', …), subject (what it is about, e.g.
-- '0141/2024/ISMS.1.M1' or a user id) and occasion (e.g. the due date and owner, or the ISO week).
-- Inserted in the transaction that queues the mail: the mail exists exactly when the row does.
CREATE TABLE notification_sent (
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  occasion TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (kind, subject, occasion)
) STRICT, WITHOUT ROWID;

-- The outbox learns the reminder and digest kinds: SQLite cannot change a CHECK, so the table is rebuilt.
CREATE TABLE mail_outbox_new (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('invitation', 'password_reset', 'template_review', 'template_decision', 'reminder', 'weekly_digest')),
  to_address TEXT NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,      -- unix seconds
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL, -- unix seconds; also the lease of a sender that is delivering it
  sent_at INTEGER,                  -- unix seconds; set once, when the SMTP server accepted it
  last_error TEXT
) STRICT;
INSERT INTO mail_outbox_new SELECT id, kind, to_address, subject, text, html, message_id, created_at, attempts, next_attempt_at, sent_at, last_error FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_new RENAME TO mail_outbox;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
