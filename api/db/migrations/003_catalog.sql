-- The E-ITS catalogue (issue 3): editions, module groups, modules, measures, the 47 elementary
-- threats and named priority profiles (e.g. ELVL's KOV profile). Facts ship in
-- data/catalog/eits-2024-index.json; RIA's prose (description, purpose, ...) is NULL until an
-- operator imports an official file.

CREATE TABLE catalog_edition (
  id TEXT PRIMARY KEY CHECK (id GLOB '[0-9][0-9][0-9][0-9]'),   -- '2023', '2024'
  title TEXT NOT NULL,                                           -- 'E-ITS 2024'
  imported_at TEXT NOT NULL,                                     -- first import (ISO); re-imports keep it
  -- JSON array of source file names that have been imported into this edition.
  sources TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sources) AND json_type(sources) = 'array')
) STRICT;

-- Top-level groups ('OPS') and subgroups ('OPS.1', 'OPS.1.1'); parent_id NULL for top level.
CREATE TABLE catalog_group (
  edition TEXT NOT NULL REFERENCES catalog_edition (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  parent_id TEXT,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('process', 'system')),
  sort_key TEXT NOT NULL,
  PRIMARY KEY (edition, id),
  FOREIGN KEY (edition, parent_id) REFERENCES catalog_group (edition, id)
) STRICT;

CREATE TABLE catalog_module (
  edition TEXT NOT NULL REFERENCES catalog_edition (id) ON DELETE CASCADE,
  id TEXT NOT NULL,                 -- 'OPS.1.1.5'
  group_id TEXT NOT NULL,           -- 'OPS'
  subgroup_id TEXT,                 -- nearest subgroup ('OPS.1.1'), NULL when directly under the group
  title TEXT NOT NULL,
  -- RIA prose, only when imported from the 2023 module document (NULL otherwise).
  description TEXT,                 -- purpose ("Eesmärk")
  responsibility TEXT,
  limits TEXT,
  module_threats TEXT CHECK (module_threats IS NULL OR json_valid(module_threats)), -- [{title, content}]
  sort_key TEXT NOT NULL,
  PRIMARY KEY (edition, id),
  FOREIGN KEY (edition, group_id) REFERENCES catalog_group (edition, id),
  FOREIGN KEY (edition, subgroup_id) REFERENCES catalog_group (edition, id)
) STRICT;

CREATE TABLE catalog_measure (
  edition TEXT NOT NULL,
  id TEXT NOT NULL,                 -- 'ISMS.1.M17', 'OPS.1.1.5.ME1'
  module_id TEXT NOT NULL,
  title TEXT NOT NULL,
  class TEXT NOT NULL CHECK (class IN ('basic', 'standard', 'high')),
  responsible TEXT NOT NULL DEFAULT '',
  co_responsible TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(co_responsible) AND json_type(co_responsible) = 'array'),
  lifecycle TEXT NOT NULL DEFAULT '',
  cia TEXT NOT NULL DEFAULT '' CHECK (cia IN ('', 'C', 'I', 'A', 'CI', 'CA', 'IA', 'CIA')),
  threats TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(threats) AND json_type(threats) = 'array'),
  link TEXT CHECK (link IS NULL OR link LIKE 'https://%'),
  description TEXT,                 -- RIA prose, only when imported from a file
  sort_key TEXT NOT NULL,
  PRIMARY KEY (edition, id),
  FOREIGN KEY (edition, module_id) REFERENCES catalog_module (edition, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX catalog_measure_module ON catalog_measure (edition, module_id, sort_key);
CREATE INDEX catalog_measure_class ON catalog_measure (edition, class);

-- The elementary threats (Alusohud) G 0.1 … G 0.47; shared by every edition.
CREATE TABLE catalog_threat (
  id TEXT PRIMARY KEY CHECK (id GLOB 'G [0-9]*.[0-9]*'),
  title TEXT NOT NULL,
  description TEXT,
  sort_key TEXT NOT NULL
) STRICT;

CREATE TABLE catalog_profile (
  id INTEGER PRIMARY KEY,
  edition TEXT NOT NULL REFERENCES catalog_edition (id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  UNIQUE (edition, name),
  UNIQUE (id, edition)
) STRICT;

-- edition is redundant with the profile's but lets the measure be a real foreign key.
CREATE TABLE catalog_profile_measure (
  profile_id INTEGER NOT NULL,
  edition TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3')),
  PRIMARY KEY (profile_id, measure_id),
  FOREIGN KEY (profile_id, edition) REFERENCES catalog_profile (id, edition) ON DELETE CASCADE,
  FOREIGN KEY (edition, measure_id) REFERENCES catalog_measure (edition, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX catalog_profile_measure_measure ON catalog_profile_measure (edition, measure_id);
