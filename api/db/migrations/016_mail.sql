-- E-mail that is never lost (issue 20): every mail is written to the outbox in the transaction of the
-- event that causes it, and a sender (api/mail/sender.ts) delivers it later, at least once, with the
-- Message-ID fixed here so a repeated delivery is recognisable as the same mail.
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('invitation', 'password_reset', 'template_review', 'template_decision')),
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
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- A set-password link is either an invitation (72 h) or a password reset the user asked for (1 h);
-- the purpose decides what the audit log says when it is used.
ALTER TABLE invitation ADD COLUMN purpose TEXT NOT NULL DEFAULT 'invitation' CHECK (purpose IN ('invitation', 'reset'));
