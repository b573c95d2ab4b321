-- The 79 Estonian local governments (kohalikud omavalitsused), keyed by EHAK code.
CREATE TABLE kov (
  ehak TEXT PRIMARY KEY CHECK (length(ehak) = 4),
  name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('linn', 'vald')),
  county TEXT NOT NULL
) STRICT;

-- Small key/value facts about this installation (e.g. whether demo data is loaded).
CREATE TABLE app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
