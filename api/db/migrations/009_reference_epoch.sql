-- A marker that changes whenever anything deciding a municipality's scope or a measure's catalogue
-- facts changes: a municipality, its scope, or the catalogue's modules, measures, profiles and
-- profile measures, by any connection or process (an import from the CLI, an operator's sqlite3).
-- The server keeps scopes and catalogue facts in memory and reads only this row per request; a
-- different value empties that cache (api/tracker/reference-cache.ts).
-- A random value (53 bits, exact as a JavaScript number), not n + 1: a rolled-back change must not
-- leave behind a value that a later change could repeat, or a cache filled inside the rolled-back
-- transaction would look current again.
CREATE TABLE reference_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
) STRICT;
INSERT INTO reference_epoch (id, n) VALUES (1, (random() >> 11));

CREATE TRIGGER kov_epoch_insert AFTER INSERT ON kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER kov_epoch_update AFTER UPDATE ON kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER kov_epoch_delete AFTER DELETE ON kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER kov_scope_epoch_insert AFTER INSERT ON kov_scope BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER kov_scope_epoch_update AFTER UPDATE ON kov_scope BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER kov_scope_epoch_delete AFTER DELETE ON kov_scope BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_module_epoch_insert AFTER INSERT ON catalog_module BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_module_epoch_update AFTER UPDATE ON catalog_module BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_module_epoch_delete AFTER DELETE ON catalog_module BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_measure_epoch_insert AFTER INSERT ON catalog_measure BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_measure_epoch_update AFTER UPDATE ON catalog_measure BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_measure_epoch_delete AFTER DELETE ON catalog_measure BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_profile_epoch_insert AFTER INSERT ON catalog_profile BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_profile_epoch_update AFTER UPDATE ON catalog_profile BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_profile_epoch_delete AFTER DELETE ON catalog_profile BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_profile_measure_epoch_insert AFTER INSERT ON catalog_profile_measure BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_profile_measure_epoch_update AFTER UPDATE ON catalog_profile_measure BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_profile_measure_epoch_delete AFTER DELETE ON catalog_profile_measure BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
