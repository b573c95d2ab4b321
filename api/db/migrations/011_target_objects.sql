-- The structure analysis (issue 18): a municipality's target objects (sihtobjektid), each with its
-- protection need (kaitsetarve) for confidentiality, integrity and availability, the objects it
-- depends on and the modules modelled on it. Every municipality has exactly one 'organisation'
-- object, created here for the existing ones and by a trigger for every new one, so no code path
-- (migration, seed, CLI) can leave a municipality without it.
CREATE TABLE target_object (
  id INTEGER PRIMARY KEY,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  type TEXT NOT NULL CHECK (type IN ('organisation', 'process', 'application', 'it_system', 'network', 'room', 'service')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description TEXT CHECK (description IS NULL OR length(description) <= 2000),
  -- An object may stand for a group of alike items ("Töökohaarvutid", 45).
  item_count INTEGER NOT NULL DEFAULT 1 CHECK (item_count BETWEEN 1 AND 100000),
  critical INTEGER NOT NULL DEFAULT 0 CHECK (critical IN (0, 1)),
  need_c TEXT NOT NULL DEFAULT 'normal' CHECK (need_c IN ('normal', 'high', 'very_high')),
  need_i TEXT NOT NULL DEFAULT 'normal' CHECK (need_i IN ('normal', 'high', 'very_high')),
  need_a TEXT NOT NULL DEFAULT 'normal' CHECK (need_a IN ('normal', 'high', 'very_high')),
  -- Distribution effect: in a flagged dimension the object keeps its own need even when an object
  -- that depends on it needs more (the justification says why, e.g. redundancy).
  distributed_c INTEGER NOT NULL DEFAULT 0 CHECK (distributed_c IN (0, 1)),
  distributed_i INTEGER NOT NULL DEFAULT 0 CHECK (distributed_i IN (0, 1)),
  distributed_a INTEGER NOT NULL DEFAULT 0 CHECK (distributed_a IN (0, 1)),
  justification TEXT CHECK (justification IS NULL OR length(justification) <= 2000),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_by INTEGER REFERENCES app_user (id),
  UNIQUE (ehak, name)
) STRICT;

CREATE UNIQUE INDEX target_object_one_organisation ON target_object (ehak) WHERE type = 'organisation';

-- "object_id depends on depends_on": a process uses an application, which runs on a server in a room.
CREATE TABLE target_object_dependency (
  object_id INTEGER NOT NULL REFERENCES target_object (id) ON DELETE CASCADE,
  depends_on INTEGER NOT NULL REFERENCES target_object (id) ON DELETE CASCADE,
  PRIMARY KEY (object_id, depends_on),
  CHECK (object_id <> depends_on)
) STRICT;

CREATE INDEX target_object_dependency_on ON target_object_dependency (depends_on);

-- Modules modelled on an object (modelleerimine). The organisation object models its scope's
-- modules without rows here; rows add modules to it or to any other object.
CREATE TABLE target_object_module (
  object_id INTEGER NOT NULL REFERENCES target_object (id) ON DELETE CASCADE,
  module_id TEXT NOT NULL CHECK (length(module_id) BETWEEN 1 AND 40),
  PRIMARY KEY (object_id, module_id)
) STRICT;

INSERT INTO target_object (ehak, type, name) SELECT ehak, 'organisation', 'Organisatsioon tervikuna' FROM kov;

CREATE TRIGGER kov_gets_organisation_object AFTER INSERT ON kov
BEGIN
  INSERT INTO target_object (ehak, type, name) VALUES (NEW.ehak, 'organisation', 'Organisatsioon tervikuna');
END;
