-- Issue 21, first slice: ELVL's reporting periods. A period is opened by ELVL with a deadline; each
-- municipality submits its progress figures (frozen at submission), its head confirms them, and its
-- auditor records a conclusion. A municipality without a row has not submitted: its state
-- (not_started / in_progress) is derived from its status changes since the period opened
-- (api/periods/periods.ts), so status writes need no extra work.
CREATE TABLE reporting_period (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  deadline TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  opened_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  opened_by INTEGER REFERENCES app_user (id),
  -- Set when the period takes no more submissions (the periods migrated from snapshots below).
  closed_at TEXT,
  -- The snapshot a migrated period came from.
  snapshot_id INTEGER UNIQUE REFERENCES progress_snapshot (id)
) STRICT;

CREATE TABLE reporting_period_kov (
  period_id INTEGER NOT NULL REFERENCES reporting_period (id),
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  state TEXT NOT NULL CHECK (state IN ('in_progress', 'submitted', 'confirmed', 'audited')),
  -- JSON of the PeriodFigures (api/contracts/periods.ts), frozen at submission; NULL after a reopen.
  figures TEXT CHECK (figures IS NULL OR json_valid(figures)),
  submitted_at TEXT,
  submitted_by INTEGER REFERENCES app_user (id),
  confirmed_at TEXT,
  confirmed_by INTEGER REFERENCES app_user (id),
  audited_at TEXT,
  audited_by INTEGER REFERENCES app_user (id),
  conclusion TEXT CHECK (conclusion IS NULL OR conclusion IN ('accurate', 'accurate_with_remarks', 'inaccurate')),
  remarks TEXT CHECK (remarks IS NULL OR length(remarks) <= 4000),
  PRIMARY KEY (period_id, ehak)
) STRICT, WITHOUT ROWID;

-- Every transition: who, when, from → to, why (reopen). Append-only.
CREATE TABLE reporting_period_history (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL REFERENCES reporting_period (id),
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  reason TEXT,
  changed_by INTEGER REFERENCES app_user (id),
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX reporting_period_history_kov ON reporting_period_history (period_id, ehak, id);
CREATE TRIGGER reporting_period_history_no_update BEFORE UPDATE ON reporting_period_history
BEGIN SELECT RAISE(ABORT, 'reporting period history is append-only'); END;
CREATE TRIGGER reporting_period_history_no_delete BEFORE DELETE ON reporting_period_history
BEGIN SELECT RAISE(ABORT, 'reporting period history is append-only'); END;

-- The head of a municipality (vallavanem, linnapea) confirms its submission: a flag on the account,
-- meaning "head of the municipalities assigned to this user" (a viewer or specialist account).
ALTER TABLE app_user ADD COLUMN kov_head INTEGER NOT NULL DEFAULT 0 CHECK (kov_head IN (0, 1));

-- Today's snapshots become periods opened and closed at once: every municipality in the snapshot
-- submitted with the snapshot's figures at the snapshot's moment. The deadline is that day in Tallinn
-- or the next (UTC + 3 h: Tallinn's summer offset, one hour ahead in winter), so none is late.
-- Snapshots taken later become periods the same way (closedPeriodFromSnapshot in api/periods/periods.ts).
INSERT INTO reporting_period (name, deadline, opened_at, opened_by, closed_at, snapshot_id)
SELECT s.period, date(s.created_at, '+3 hours'), s.created_at, s.created_by, s.created_at, s.id
FROM progress_snapshot s ORDER BY s.id;

INSERT INTO reporting_period_kov (period_id, ehak, state, figures, submitted_at, submitted_by)
SELECT p.id, r.ehak, 'submitted',
       json_object(
         'total', json_extract(r.data, '$.total'),
         'applicable', json_extract(r.data, '$.applicable'),
         'implemented', json_extract(r.data, '$.implemented'),
         'implementedShare', json_extract(r.data, '$.implementedShare'),
         'sharedServiceImplemented', json_extract(r.data, '$.sharedServiceImplemented'),
         'byStatus', json(json_extract(r.data, '$.byStatus')),
         'byClass', json(json_extract(r.data, '$.byClass')),
         'byPriority', json(json_extract(r.data, '$.byPriority'))
       ),
       s.created_at, s.created_by
FROM progress_snapshot_row r
JOIN progress_snapshot s ON s.id = r.snapshot_id
JOIN reporting_period p ON p.snapshot_id = s.id;

INSERT INTO reporting_period_history (period_id, ehak, from_state, to_state, reason, changed_by, changed_at)
SELECT p.id, k.ehak, 'not_started', 'submitted', 'Hetkeseis ' || p.name || ' (üle viidud)', k.submitted_by, k.submitted_at
FROM reporting_period_kov k JOIN reporting_period p ON p.id = k.period_id
ORDER BY p.id, k.ehak;
