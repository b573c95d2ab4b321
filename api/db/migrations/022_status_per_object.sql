-- Issue 18: a measure's status, its history and its evidence are kept per target object × measure.
-- SQLite cannot change a primary key in place, so the three tables are rebuilt (create, copy, drop,
-- rename) with object_id after ehak; every existing row moves to its municipality's 'organisation'
-- object (migration 011 gave every municipality exactly one), so nobody's numbers change until
-- objects are modelled. Ids of history and evidence rows are kept (audit entries and file links
-- name them).
CREATE TABLE measure_status_new (
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  edition TEXT NOT NULL,
  object_id INTEGER NOT NULL REFERENCES target_object (id),
  measure_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable', 'risk_accepted')),
  description TEXT CHECK (description IS NULL OR length(description) <= 4000),
  justification TEXT CHECK (justification IS NULL OR length(justification) <= 2000),
  responsible TEXT CHECK (responsible IS NULL OR length(responsible) <= 200),
  due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  accepted_by TEXT CHECK (accepted_by IS NULL OR length(accepted_by) <= 200),
  accepted_at TEXT CHECK (accepted_at IS NULL OR accepted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  owner_user_id INTEGER REFERENCES app_user (id),
  review_date TEXT CHECK (review_date IS NULL OR review_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  version INTEGER NOT NULL CHECK (version >= 1),
  updated_by INTEGER REFERENCES app_user (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (ehak, edition, object_id, measure_id),
  FOREIGN KEY (edition, measure_id) REFERENCES catalog_measure (edition, id),
  CHECK (status <> 'not_applicable' OR justification IS NOT NULL),
  CHECK (status <> 'risk_accepted' OR (justification IS NOT NULL AND accepted_by IS NOT NULL AND accepted_at IS NOT NULL))
) STRICT, WITHOUT ROWID;
INSERT INTO measure_status_new (ehak, edition, object_id, measure_id, status, description, justification, responsible, due_date,
                                accepted_by, accepted_at, owner_user_id, review_date, version, updated_by, updated_at)
SELECT s.ehak, s.edition, o.id, s.measure_id, s.status, s.description, s.justification, s.responsible, s.due_date,
       s.accepted_by, s.accepted_at, s.owner_user_id, s.review_date, s.version, s.updated_by, s.updated_at
FROM measure_status s JOIN target_object o ON o.ehak = s.ehak AND o.type = 'organisation';
DROP TABLE measure_status;
ALTER TABLE measure_status_new RENAME TO measure_status;
CREATE INDEX measure_status_measure ON measure_status (edition, measure_id);
-- The narrow covering index for the progress joins, now with the object.
CREATE INDEX measure_status_summary ON measure_status (ehak, edition, object_id, measure_id, status, due_date, updated_at);
-- "Does this object hold statuses?" (deleting an object answers 409 while it does).
CREATE INDEX measure_status_object ON measure_status (object_id);
-- "Minu ülesanded" and the reminders find a person's records without a scan (as migration 021).
CREATE INDEX measure_status_owner ON measure_status (owner_user_id) WHERE owner_user_id IS NOT NULL;

CREATE TABLE measure_status_history_new (
  id INTEGER PRIMARY KEY,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  edition TEXT NOT NULL,
  object_id INTEGER NOT NULL REFERENCES target_object (id),
  measure_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  old TEXT CHECK (old IS NULL OR json_valid(old)),
  new TEXT NOT NULL CHECK (json_valid(new)),
  changed_by INTEGER REFERENCES app_user (id),
  changed_at TEXT NOT NULL,
  UNIQUE (ehak, edition, object_id, measure_id, version)
) STRICT;
INSERT INTO measure_status_history_new (id, ehak, edition, object_id, measure_id, version, old, new, changed_by, changed_at)
SELECT h.id, h.ehak, h.edition, o.id, h.measure_id, h.version, h.old, h.new, h.changed_by, h.changed_at
FROM measure_status_history h JOIN target_object o ON o.ehak = h.ehak AND o.type = 'organisation'
ORDER BY h.id;
DROP TABLE measure_status_history;
ALTER TABLE measure_status_history_new RENAME TO measure_status_history;
CREATE INDEX measure_status_history_object ON measure_status_history (object_id);
CREATE TRIGGER measure_status_history_no_update BEFORE UPDATE ON measure_status_history
BEGIN SELECT RAISE(ABORT, 'measure_status_history is append-only'); END;
CREATE TRIGGER measure_status_history_no_delete BEFORE DELETE ON measure_status_history
BEGIN SELECT RAISE(ABORT, 'measure_status_history is append-only'); END;

CREATE TABLE measure_evidence_new (
  id INTEGER PRIMARY KEY,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  edition TEXT NOT NULL,
  object_id INTEGER NOT NULL REFERENCES target_object (id),
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
  description TEXT CHECK (description IS NULL OR length(description) BETWEEN 1 AND 1000),
  removed_at TEXT,
  removed_by INTEGER REFERENCES app_user (id),
  valid_until TEXT CHECK (valid_until IS NULL OR valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  CHECK ((kind = 'url' AND url IS NOT NULL AND storage_key IS NULL)
      OR (kind = 'file' AND url IS NULL AND storage_key IS NOT NULL AND file_name IS NOT NULL AND sha256 IS NOT NULL AND size IS NOT NULL AND content_type IS NOT NULL))
) STRICT;
INSERT INTO measure_evidence_new (id, ehak, edition, object_id, measure_id, kind, url, file_name, storage_key, sha256, size, content_type,
                                  added_by, added_at, description, removed_at, removed_by, valid_until)
SELECT e.id, e.ehak, e.edition, o.id, e.measure_id, e.kind, e.url, e.file_name, e.storage_key, e.sha256, e.size, e.content_type,
       e.added_by, e.added_at, e.description, e.removed_at, e.removed_by, e.valid_until
FROM measure_evidence e JOIN target_object o ON o.ehak = e.ehak AND o.type = 'organisation'
ORDER BY e.id;
DROP TABLE measure_evidence;
ALTER TABLE measure_evidence_new RENAME TO measure_evidence;
CREATE INDEX measure_evidence_measure ON measure_evidence (ehak, edition, object_id, measure_id);
CREATE INDEX measure_evidence_object ON measure_evidence (object_id);

-- Each municipality's scope is now its objects' measures: the tracker's reference (kept in memory)
-- is rebuilt whenever an object, its dependencies or its modules change (api/db/caches.ts).
CREATE TRIGGER target_object_epoch_insert AFTER INSERT ON target_object BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER target_object_epoch_update AFTER UPDATE ON target_object BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER target_object_epoch_delete AFTER DELETE ON target_object BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER target_object_dependency_epoch_insert AFTER INSERT ON target_object_dependency BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER target_object_dependency_epoch_update AFTER UPDATE ON target_object_dependency BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER target_object_dependency_epoch_delete AFTER DELETE ON target_object_dependency BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER target_object_module_epoch_insert AFTER INSERT ON target_object_module BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER target_object_module_epoch_update AFTER UPDATE ON target_object_module BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER target_object_module_epoch_delete AFTER DELETE ON target_object_module BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
