-- Measures a solution model's provider implements count as implemented on every object that adopts
-- the model (issue 19), through the tracker's in-memory reference: the models and their statements
-- move reference_epoch like the shared services (api/db/caches.ts).
CREATE TRIGGER solution_model_epoch_insert AFTER INSERT ON solution_model BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER solution_model_epoch_update AFTER UPDATE ON solution_model BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER solution_model_epoch_delete AFTER DELETE ON solution_model BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER solution_statement_epoch_insert AFTER INSERT ON solution_statement BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER solution_statement_epoch_update AFTER UPDATE ON solution_statement BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER solution_statement_epoch_delete AFTER DELETE ON solution_statement BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
