-- Risk analysis beyond the baseline (issue 19): for a target object whose effective protection need is
-- high or very high, a decision per elementary threat (G 0.n) its measures counter: the modelled
-- measures cover it, an additional measure is needed, or the risk is accepted or transferred, with
-- who decided and when. One current row per object × threat plus an append-only history.
CREATE TABLE risk_assessment (
  object_id INTEGER NOT NULL REFERENCES target_object (id),
  threat_id TEXT NOT NULL CHECK (threat_id GLOB 'G [0-9]*.[0-9]*'),
  assessment TEXT NOT NULL CHECK (assessment IN ('covered', 'additional_measure', 'accepted', 'transferred')),
  additional_measure TEXT CHECK (additional_measure IS NULL OR length(additional_measure) BETWEEN 1 AND 2000),
  justification TEXT CHECK (justification IS NULL OR length(justification) BETWEEN 1 AND 2000),
  -- The person who decided (an accepted risk is the head's decision, not necessarily the recorder's).
  decided_by TEXT CHECK (decided_by IS NULL OR length(decided_by) BETWEEN 1 AND 200),
  decided_at TEXT CHECK (decided_at IS NULL OR decided_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  version INTEGER NOT NULL CHECK (version >= 1),
  updated_by INTEGER REFERENCES app_user (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (object_id, threat_id),
  CHECK (assessment <> 'additional_measure' OR additional_measure IS NOT NULL),
  CHECK (assessment NOT IN ('accepted', 'transferred') OR (justification IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL))
) STRICT, WITHOUT ROWID;

CREATE TABLE risk_assessment_history (
  id INTEGER PRIMARY KEY,
  object_id INTEGER NOT NULL REFERENCES target_object (id),
  threat_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  old TEXT CHECK (old IS NULL OR json_valid(old)),
  new TEXT NOT NULL CHECK (json_valid(new)),
  changed_by INTEGER REFERENCES app_user (id),
  changed_at TEXT NOT NULL,
  UNIQUE (object_id, threat_id, version)
) STRICT;
CREATE TRIGGER risk_assessment_history_no_update BEFORE UPDATE ON risk_assessment_history
BEGIN SELECT RAISE(ABORT, 'risk_assessment_history is append-only'); END;
CREATE TRIGGER risk_assessment_history_no_delete BEFORE DELETE ON risk_assessment_history
BEGIN SELECT RAISE(ABORT, 'risk_assessment_history is append-only'); END;
