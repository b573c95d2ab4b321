-- The tracker's in-memory reference (api/tracker/reference.ts) now also holds the module groups'
-- titles and order and the shared services, so their tables move reference_epoch as well. The
-- tables each cache reads, and the triggers that invalidate it, are declared in api/db/caches.ts
-- and held against sqlite_master by api/db/caches.test.ts.
CREATE TRIGGER catalog_group_epoch_insert AFTER INSERT ON catalog_group BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_group_epoch_update AFTER UPDATE ON catalog_group BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_group_epoch_delete AFTER DELETE ON catalog_group BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER shared_service_epoch_insert AFTER INSERT ON shared_service BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER shared_service_epoch_update AFTER UPDATE ON shared_service BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER shared_service_epoch_delete AFTER DELETE ON shared_service BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER shared_service_kov_epoch_insert AFTER INSERT ON shared_service_kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER shared_service_kov_epoch_update AFTER UPDATE ON shared_service_kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER shared_service_kov_epoch_delete AFTER DELETE ON shared_service_kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
