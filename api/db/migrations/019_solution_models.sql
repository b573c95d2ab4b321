-- Standard solutions modelled once by ELVL (issue 19): a solution model (VOLIS, the municipal website
-- platform, Delta, Microsoft 365 …) names its object type, modules and a default protection need, and
-- per measure who implements it — the provider (the supplier or ELVL), shared, or the municipality —
-- with the provider's status, note and evidence link. A municipality adopts a model as one of its
-- target objects (target_object.solution_model_id). Every change of a model is kept in its history,
-- which adopting municipalities read.
CREATE TABLE solution_model (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  type TEXT NOT NULL CHECK (type IN ('process', 'application', 'it_system', 'network', 'room', 'service')),
  provider TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 200),
  description TEXT CHECK (description IS NULL OR length(description) <= 2000),
  -- The knowledge base's standard-solution page (content/solutions/<slug>.mdx).
  kb_slug TEXT CHECK (kb_slug IS NULL OR kb_slug GLOB '[a-z0-9]*'),
  edition TEXT NOT NULL DEFAULT '2024',
  need_c TEXT NOT NULL DEFAULT 'normal' CHECK (need_c IN ('normal', 'high', 'very_high')),
  need_i TEXT NOT NULL DEFAULT 'normal' CHECK (need_i IN ('normal', 'high', 'very_high')),
  need_a TEXT NOT NULL DEFAULT 'normal' CHECK (need_a IN ('normal', 'high', 'very_high')),
  -- A draft awaits the working group's review; it can be adopted all the same.
  draft INTEGER NOT NULL DEFAULT 1 CHECK (draft IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  updated_by INTEGER REFERENCES app_user (id),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE solution_model_module (
  model_id INTEGER NOT NULL REFERENCES solution_model (id) ON DELETE CASCADE,
  module_id TEXT NOT NULL CHECK (length(module_id) BETWEEN 1 AND 40),
  PRIMARY KEY (model_id, module_id)
) STRICT;

CREATE TABLE solution_statement (
  model_id INTEGER NOT NULL REFERENCES solution_model (id) ON DELETE CASCADE,
  measure_id TEXT NOT NULL CHECK (length(measure_id) BETWEEN 1 AND 40),
  responsibility TEXT NOT NULL CHECK (responsibility IN ('provider', 'shared', 'kov')),
  status TEXT NOT NULL DEFAULT 'not_assessed' CHECK (status IN ('not_assessed', 'implemented', 'partial', 'not_implemented', 'not_applicable')),
  note TEXT CHECK (note IS NULL OR length(note) <= 2000),
  evidence_url TEXT CHECK (evidence_url IS NULL OR ((evidence_url LIKE 'https://%' OR evidence_url LIKE 'http://%') AND length(evidence_url) <= 2000)),
  PRIMARY KEY (model_id, measure_id)
) STRICT, WITHOUT ROWID;

-- Every version of a model as the API answered it (JSON), append-only.
CREATE TABLE solution_model_history (
  id INTEGER PRIMARY KEY,
  model_id INTEGER NOT NULL REFERENCES solution_model (id),
  version INTEGER NOT NULL,
  summary TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  changed_by INTEGER REFERENCES app_user (id),
  changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (model_id, version)
) STRICT;
CREATE TRIGGER solution_model_history_no_update BEFORE UPDATE ON solution_model_history
BEGIN SELECT RAISE(ABORT, 'solution_model_history is append-only'); END;
CREATE TRIGGER solution_model_history_no_delete BEFORE DELETE ON solution_model_history
BEGIN SELECT RAISE(ABORT, 'solution_model_history is append-only'); END;

ALTER TABLE target_object ADD COLUMN solution_model_id INTEGER REFERENCES solution_model (id);
CREATE INDEX target_object_solution_model ON target_object (solution_model_id) WHERE solution_model_id IS NOT NULL;
