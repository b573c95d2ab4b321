-- Template review workflow (issue 8): submitted templates, their versions, threaded comments,
-- reviewer votes and municipalities' adoption. Files live in FILES_PATH; only metadata here.

CREATE TABLE template (
  id INTEGER PRIMARY KEY,
  category TEXT NOT NULL CHECK (category IN ('poliitika', 'kord', 'plaan', 'juhend', 'vorm', 'parim-praktika')),
  -- n of the approved version the knowledge base shows; NULL until a version is approved.
  current_version INTEGER CHECK (current_version IS NULL OR current_version >= 1),
  created_by INTEGER NOT NULL REFERENCES app_user (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX template_category ON template (category);

CREATE TABLE template_version (
  template_id INTEGER NOT NULL REFERENCES template (id),
  n INTEGER NOT NULL CHECK (n >= 1),
  title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  summary TEXT NOT NULL CHECK (length(summary) <= 2000),
  category TEXT NOT NULL CHECK (category IN ('poliitika', 'kord', 'plaan', 'juhend', 'vorm', 'parim-praktika')),
  -- JSON array of E-ITS measure ids of the catalogue edition current at submission.
  measures TEXT NOT NULL CHECK (json_valid(measures) AND json_type(measures) = 'array'),
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  storage_key TEXT NOT NULL UNIQUE,
  -- 'superseded': an undecided version replaced by a newer submission before a decision.
  status TEXT NOT NULL DEFAULT 'submitted'
    CHECK (status IN ('submitted', 'in_review', 'approved', 'changes_requested', 'rejected', 'superseded')),
  submitted_by INTEGER NOT NULL REFERENCES app_user (id),
  submitted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  decided_at TEXT,
  approved_at TEXT,
  PRIMARY KEY (template_id, n),
  CHECK ((status = 'approved') = (approved_at IS NOT NULL))
) STRICT;
CREATE INDEX template_version_status ON template_version (status);

CREATE TABLE template_comment (
  id INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  parent_id INTEGER REFERENCES template_comment (id),
  author_id INTEGER NOT NULL REFERENCES app_user (id),
  body TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 5000),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  FOREIGN KEY (template_id, n) REFERENCES template_version (template_id, n)
) STRICT;
CREATE INDEX template_comment_version ON template_comment (template_id, n);

-- One vote per reviewer per version; the reviewer may change it until the version is decided.
CREATE TABLE template_review (
  template_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  reviewer_id INTEGER NOT NULL REFERENCES app_user (id),
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'request_changes', 'reject')),
  comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 5000),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (template_id, n, reviewer_id),
  FOREIGN KEY (template_id, n) REFERENCES template_version (template_id, n)
) STRICT;

-- Which approved version a municipality adopted; one row per municipality and template.
CREATE TABLE template_adoption (
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  template_id INTEGER NOT NULL,
  n INTEGER NOT NULL,
  adopted_on TEXT NOT NULL CHECK (adopted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recorded_by INTEGER NOT NULL REFERENCES app_user (id),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (ehak, template_id),
  FOREIGN KEY (template_id, n) REFERENCES template_version (template_id, n)
) STRICT;
CREATE INDEX template_adoption_template ON template_adoption (template_id);
