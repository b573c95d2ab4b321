-- Initiative budget (issue 7). Plans are stored as the validated document (the source of truth
-- for every computed figure); versions of one plan share a family. Actual costs and business-panel
-- dates belong to the family, so a revision keeps them. Money = INTEGER cents.
CREATE TABLE budget_plan_family (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE budget_plan (
  id INTEGER PRIMARY KEY,
  family_id INTEGER NOT NULL REFERENCES budget_plan_family (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  document TEXT NOT NULL CHECK (json_valid(document)),
  inconsistency_count INTEGER NOT NULL DEFAULT 0 CHECK (inconsistency_count >= 0),
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (family_id, version)
) STRICT;

CREATE TABLE budget_business_panel (
  family_id INTEGER NOT NULL REFERENCES budget_plan_family (id),
  initiative_code TEXT NOT NULL,
  panel_date TEXT NOT NULL CHECK (panel_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  PRIMARY KEY (family_id, initiative_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE budget_actual (
  id INTEGER PRIMARY KEY,
  family_id INTEGER NOT NULL REFERENCES budget_plan_family (id),
  initiative_code TEXT NOT NULL,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  account TEXT NOT NULL CHECK (account IN ('15', '50', '55')),
  net_cents INTEGER NOT NULL,
  vat_cents INTEGER NOT NULL,
  supplier TEXT NOT NULL CHECK (length(supplier) BETWEEN 1 AND 200),
  document_number TEXT NOT NULL CHECK (length(document_number) BETWEEN 1 AND 100),
  description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
  attachment_name TEXT,
  attachment_path TEXT,
  created_by INTEGER REFERENCES app_user (id),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX budget_actual_family_date ON budget_actual (family_id, date);
CREATE INDEX budget_actual_family_initiative ON budget_actual (family_id, initiative_code);
