-- Importing a municipality's existing status sheet (issue 23): each upload is kept as a preview
-- (rows with before/after) until it is applied, all or nothing, and can be undone as one step;
-- the column mapping of a foreign sheet is kept per municipality for the next file; the answers of
-- the first-steps check are kept per municipality so it can be paused and resumed.
CREATE TABLE status_import (
  id INTEGER PRIMARY KEY,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  format TEXT NOT NULL CHECK (format IN ('plan', 'mapped', 'ciso', 'first_steps')),
  state TEXT NOT NULL DEFAULT 'preview' CHECK (state IN ('preview', 'applied', 'undone')),
  -- The preview as the API answered it: {summary, rows, objects}.
  preview TEXT NOT NULL CHECK (json_valid(preview)),
  -- After apply: the version each written record got, so undo can tell whether anyone changed it since.
  applied TEXT CHECK (applied IS NULL OR json_valid(applied)),
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  applied_by INTEGER REFERENCES app_user (id),
  applied_at TEXT,
  undone_by INTEGER REFERENCES app_user (id),
  undone_at TEXT
) STRICT;
CREATE INDEX status_import_kov ON status_import (ehak, id);

CREATE TABLE import_mapping (
  ehak TEXT PRIMARY KEY REFERENCES kov (ehak),
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  updated_by INTEGER REFERENCES app_user (id),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE first_steps_answer (
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  question_id TEXT NOT NULL CHECK (length(question_id) BETWEEN 1 AND 40),
  answer TEXT NOT NULL CHECK (answer IN ('jah', 'osaliselt', 'ei', 'ei_tea')),
  updated_by INTEGER REFERENCES app_user (id),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (ehak, question_id)
) STRICT, WITHOUT ROWID;
