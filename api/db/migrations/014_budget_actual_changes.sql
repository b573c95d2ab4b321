-- Issue 17: actual costs can be corrected and cancelled, never deleted. A cost carries a version
-- (optimistic concurrency: a correction names the version it read, a stale one answers 409) and a
-- status; a cancelled cost keeps its row and its reason but counts in no sum. Every change (create,
-- correct, cancel) appends a row to budget_actual_history with the fields before and after.
ALTER TABLE budget_actual ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE budget_actual ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled'));
ALTER TABLE budget_actual ADD COLUMN cancel_reason TEXT CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 1 AND 500);
ALTER TABLE budget_actual ADD COLUMN updated_by INTEGER REFERENCES app_user (id);
ALTER TABLE budget_actual ADD COLUMN updated_at TEXT;

CREATE TABLE budget_actual_history (
  id INTEGER PRIMARY KEY,
  actual_id INTEGER NOT NULL REFERENCES budget_actual (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  action TEXT NOT NULL CHECK (action IN ('create', 'correct', 'cancel')),
  old TEXT CHECK (old IS NULL OR json_valid(old)),
  new TEXT NOT NULL CHECK (json_valid(new)),
  reason TEXT,
  changed_by INTEGER REFERENCES app_user (id),
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (actual_id, version)
) STRICT;
CREATE TRIGGER budget_actual_history_no_update BEFORE UPDATE ON budget_actual_history
BEGIN SELECT RAISE(ABORT, 'budget_actual_history is append-only'); END;
CREATE TRIGGER budget_actual_history_no_delete BEFORE DELETE ON budget_actual_history
BEGIN SELECT RAISE(ABORT, 'budget_actual_history is append-only'); END;
CREATE TRIGGER budget_actual_no_delete BEFORE DELETE ON budget_actual
BEGIN SELECT RAISE(ABORT, 'budget_actual rows are cancelled, not deleted'); END;

-- Costs recorded before this migration get their creation row, so every cost has a history.
INSERT INTO budget_actual_history (actual_id, version, action, old, new, changed_by, changed_at)
SELECT id, 1, 'create', NULL,
       json_object('initiative', initiative_code, 'date', date, 'account', account, 'net', net_cents, 'vat', vat_cents,
                   'supplier', supplier, 'documentNumber', document_number, 'description', description, 'status', 'active'),
       created_by, created_at
FROM budget_actual;
