-- The compliance tracker (issue 5): each municipality's scope, its status per E-ITS measure with
-- full history, evidence, centrally delivered (shared-service) measures, immutable reporting
-- snapshots and the log of catalogue edition migrations.
-- Scale: 79 KOVs x ~1000 measures = ~80k status rows; history grows to ~1M rows.

-- Which measures a municipality works on. A missing row means the default: edition 2024,
-- profile 'KOV', approach 'standard' (api/tracker/scope.ts).
CREATE TABLE kov_scope (
  ehak TEXT PRIMARY KEY REFERENCES kov (ehak),
  edition TEXT NOT NULL REFERENCES catalog_edition (id),
  profile_name TEXT NOT NULL DEFAULT 'KOV',
  approach TEXT NOT NULL DEFAULT 'standard' CHECK (approach IN ('basic', 'standard', 'core')),
  -- JSON array of module ids added on top of the profile.
  extra_modules TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(extra_modules) AND json_type(extra_modules) = 'array'),
  updated_by INTEGER REFERENCES app_user (id),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A missing row means 'not_assessed', version 0.
CREATE TABLE measure_status (
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  edition TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable', 'risk_accepted')),
  description TEXT CHECK (description IS NULL OR length(description) <= 4000),
  justification TEXT CHECK (justification IS NULL OR length(justification) <= 2000),
  responsible TEXT CHECK (responsible IS NULL OR length(responsible) <= 200),
  due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  accepted_by TEXT CHECK (accepted_by IS NULL OR length(accepted_by) <= 200),
  accepted_at TEXT CHECK (accepted_at IS NULL OR accepted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  version INTEGER NOT NULL CHECK (version >= 1),
  updated_by INTEGER REFERENCES app_user (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (ehak, edition, measure_id),
  FOREIGN KEY (edition, measure_id) REFERENCES catalog_measure (edition, id),
  CHECK (status <> 'not_applicable' OR justification IS NOT NULL),
  CHECK (status <> 'risk_accepted' OR (justification IS NOT NULL AND accepted_by IS NOT NULL AND accepted_at IS NOT NULL))
) STRICT, WITHOUT ROWID;
-- The foreign key to the catalogue, and the edition migration's look-ups by measure.
CREATE INDEX measure_status_measure ON measure_status (edition, measure_id);
-- Narrow covering index for the progress joins (the table rows carry long free text); also
-- serves "last activity" per municipality.
CREATE INDEX measure_status_summary ON measure_status (ehak, edition, measure_id, status, due_date, updated_at);

-- Every change of a status record: old and new as JSON (old NULL for the first change).
CREATE TABLE measure_status_history (
  id INTEGER PRIMARY KEY,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  edition TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  old TEXT CHECK (old IS NULL OR json_valid(old)),
  new TEXT NOT NULL CHECK (json_valid(new)),
  changed_by INTEGER REFERENCES app_user (id),
  changed_at TEXT NOT NULL,
  UNIQUE (ehak, edition, measure_id, version)
) STRICT;
CREATE TRIGGER measure_status_history_no_update BEFORE UPDATE ON measure_status_history
BEGIN SELECT RAISE(ABORT, 'measure_status_history is append-only'); END;
CREATE TRIGGER measure_status_history_no_delete BEFORE DELETE ON measure_status_history
BEGIN SELECT RAISE(ABORT, 'measure_status_history is append-only'); END;

CREATE TABLE measure_evidence (
  id INTEGER PRIMARY KEY,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  edition TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('url', 'file')),
  url TEXT CHECK (url IS NULL OR ((url LIKE 'https://%' OR url LIKE 'http://%') AND length(url) <= 2000)),
  file_name TEXT CHECK (file_name IS NULL OR length(file_name) <= 255),
  storage_key TEXT,
  sha256 TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
  size INTEGER CHECK (size IS NULL OR size BETWEEN 0 AND 10485760),
  content_type TEXT,
  added_by INTEGER REFERENCES app_user (id),
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((kind = 'url' AND url IS NOT NULL AND storage_key IS NULL)
      OR (kind = 'file' AND url IS NULL AND storage_key IS NOT NULL AND file_name IS NOT NULL AND sha256 IS NOT NULL AND size IS NOT NULL AND content_type IS NOT NULL))
) STRICT;
CREATE INDEX measure_evidence_measure ON measure_evidence (ehak, edition, measure_id);

-- A measure delivered centrally (e.g. by ELVL) for the listed municipalities.
CREATE TABLE shared_service (
  id INTEGER PRIMARY KEY,
  edition TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  provider TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 120),
  note TEXT CHECK (note IS NULL OR length(note) <= 1000),
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (edition, measure_id, provider),
  FOREIGN KEY (edition, measure_id) REFERENCES catalog_measure (edition, id)
) STRICT;

CREATE TABLE shared_service_kov (
  service_id INTEGER NOT NULL REFERENCES shared_service (id) ON DELETE CASCADE,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  PRIMARY KEY (service_id, ehak)
) STRICT, WITHOUT ROWID;
CREATE INDEX shared_service_kov_ehak ON shared_service_kov (ehak, service_id);

-- Frozen progress per reporting period ('2026-H2'); immutable once written.
CREATE TABLE progress_snapshot (
  id INTEGER PRIMARY KEY,
  period TEXT NOT NULL UNIQUE CHECK (period GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  created_by INTEGER REFERENCES app_user (id)
) STRICT;

CREATE TABLE progress_snapshot_row (
  snapshot_id INTEGER NOT NULL REFERENCES progress_snapshot (id),
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  data TEXT NOT NULL CHECK (json_valid(data)),
  PRIMARY KEY (snapshot_id, ehak)
) STRICT, WITHOUT ROWID;
CREATE INDEX progress_snapshot_row_ehak ON progress_snapshot_row (ehak, snapshot_id);

CREATE TRIGGER progress_snapshot_no_update BEFORE UPDATE ON progress_snapshot
BEGIN SELECT RAISE(ABORT, 'progress snapshots are immutable'); END;
CREATE TRIGGER progress_snapshot_no_delete BEFORE DELETE ON progress_snapshot
BEGIN SELECT RAISE(ABORT, 'progress snapshots are immutable'); END;
CREATE TRIGGER progress_snapshot_row_no_update BEFORE UPDATE ON progress_snapshot_row
BEGIN SELECT RAISE(ABORT, 'progress snapshots are immutable'); END;
CREATE TRIGGER progress_snapshot_row_no_delete BEFORE DELETE ON progress_snapshot_row
BEGIN SELECT RAISE(ABORT, 'progress snapshots are immutable'); END;

-- One row per run of `catalog migrate`, with its full report.
CREATE TABLE edition_migration (
  id INTEGER PRIMARY KEY,
  from_edition TEXT NOT NULL,
  to_edition TEXT NOT NULL,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  report TEXT NOT NULL CHECK (json_valid(report))
) STRICT;
