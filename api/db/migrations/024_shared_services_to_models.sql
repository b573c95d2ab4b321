-- Shared services become solution models (issue 19). A shared service said "provider P delivers
-- measure M for these municipalities"; a solution model says the same per measure (a provider-
-- implemented statement) and is now also delivered to the organisation as a whole of the listed
-- municipalities (solution_model_kov), besides being adopted as an object of its own. Nothing is lost:
-- the services of one provider, edition and set of municipalities become one model, each service a
-- statement (responsibility 'provider', status 'implemented', its note), and the set its
-- municipalities. Progress does not move: the organisation object receives exactly the measures it
-- received before (reference.ts deliveredOf).
CREATE TABLE solution_model_kov (
  model_id INTEGER NOT NULL REFERENCES solution_model (id) ON DELETE CASCADE,
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  PRIMARY KEY (model_id, ehak)
) STRICT, WITHOUT ROWID;
CREATE INDEX solution_model_kov_ehak ON solution_model_kov (ehak, model_id);

-- Each service with its municipalities as one sorted list, which groups services into models.
CREATE TEMP TABLE migrating_service AS
SELECT s.id, s.edition, s.measure_id, s.provider, s.note, s.created_by, s.created_at,
       coalesce((SELECT group_concat(k.ehak, ',' ORDER BY k.ehak) FROM shared_service_kov k WHERE k.service_id = s.id), '') AS kovs
FROM shared_service s;

CREATE TEMP TABLE migrating_group AS
SELECT provider, edition, kovs,
       row_number() OVER (PARTITION BY provider ORDER BY min(created_at), min(id)) AS n,
       count(*) OVER (PARTITION BY provider) AS of_provider,
       min(created_by) AS created_by, max(created_at) AS created_at, count(*) AS services
FROM migrating_service GROUP BY provider, edition, kovs;

-- 'Keskne teenus: ELVL', or 'Keskne teenus: ELVL 2' when one provider delivers to different sets;
-- a name an existing model already has gets the group's number as well.
ALTER TABLE migrating_group ADD COLUMN name TEXT;
UPDATE migrating_group SET name = substr('Keskne teenus: ' || provider, 1, 190) || CASE WHEN of_provider > 1 THEN ' ' || n ELSE '' END;
UPDATE migrating_group SET name = name || ' (' || n || ')'
WHERE EXISTS (SELECT 1 FROM solution_model m WHERE m.name = migrating_group.name COLLATE NOCASE);

ALTER TABLE migrating_group ADD COLUMN model_id INTEGER;
INSERT INTO solution_model (name, type, provider, description, edition, draft, updated_by, updated_at)
SELECT name, 'service', provider,
       'Keskselt pakutavad meetmed, üle viidud varasematest „kesksetest teenustest” (' || services || ' meedet).',
       edition, 0, created_by, created_at
FROM migrating_group ORDER BY created_at, name;
UPDATE migrating_group SET model_id = (SELECT id FROM solution_model m WHERE m.name = migrating_group.name);

INSERT INTO solution_statement (model_id, measure_id, responsibility, status, note)
SELECT g.model_id, s.measure_id, 'provider', 'implemented', s.note
FROM migrating_service s JOIN migrating_group g ON g.provider = s.provider AND g.edition = s.edition AND g.kovs = s.kovs;

INSERT INTO solution_model_module (model_id, module_id)
SELECT DISTINCT st.model_id, cm.module_id
FROM solution_statement st JOIN migrating_group g ON g.model_id = st.model_id
JOIN catalog_measure cm ON cm.edition = g.edition AND cm.id = st.measure_id;

INSERT INTO solution_model_kov (model_id, ehak)
SELECT DISTINCT g.model_id, k.ehak
FROM migrating_service s JOIN migrating_group g ON g.provider = s.provider AND g.edition = s.edition AND g.kovs = s.kovs
JOIN shared_service_kov k ON k.service_id = s.id;

-- Version 1 of each model's history, in the shape the API answers (api/contracts/solutions.ts).
INSERT INTO solution_model_history (model_id, version, summary, snapshot, changed_by, changed_at)
SELECT m.id, 1, 'Üle viidud kesksetest teenustest (' || g.services || ' meedet, ' ||
         (SELECT count(*) FROM solution_model_kov k WHERE k.model_id = m.id) || ' omavalitsust).',
       json_object(
         'id', m.id, 'name', m.name, 'type', m.type, 'provider', m.provider, 'description', m.description,
         'kbSlug', NULL, 'edition', m.edition,
         'modules', (SELECT json_group_array(module_id) FROM (SELECT module_id FROM solution_model_module WHERE model_id = m.id ORDER BY module_id)),
         'protectionNeed', json_object('confidentiality', m.need_c, 'integrity', m.need_i, 'availability', m.need_a),
         'statements', (SELECT json_group_array(json_object('measureId', measure_id, 'responsibility', responsibility, 'status', status, 'note', note, 'evidenceUrl', evidence_url))
                        FROM (SELECT * FROM solution_statement WHERE model_id = m.id ORDER BY measure_id)),
         'kovs', (SELECT json_group_array(json_object('ehak', k.ehak, 'name', kov.name))
                  FROM (SELECT ehak FROM solution_model_kov WHERE model_id = m.id ORDER BY ehak) k JOIN kov ON kov.ehak = k.ehak),
         'draft', json('false'), 'adoptedBy', 0, 'version', 1, 'updatedAt', m.updated_at,
         'updatedBy', (SELECT json_object('id', u.id, 'name', u.name) FROM app_user u WHERE u.id = m.updated_by)),
       m.updated_by, m.updated_at
FROM solution_model m JOIN migrating_group g ON g.model_id = m.id;

INSERT INTO audit_log (actor_id, action, entity, entity_id, new_value)
SELECT NULL, 'solution_model.migrate', 'solution_model', CAST(g.model_id AS TEXT),
       json_object('fromSharedServices', (SELECT json_group_array(s.id) FROM migrating_service s WHERE s.provider = g.provider AND s.edition = g.edition AND s.kovs = g.kovs))
FROM migrating_group g;

DROP TABLE migrating_group;
DROP TABLE migrating_service;

DROP TRIGGER shared_service_epoch_insert;
DROP TRIGGER shared_service_epoch_update;
DROP TRIGGER shared_service_epoch_delete;
DROP TRIGGER shared_service_kov_epoch_insert;
DROP TRIGGER shared_service_kov_epoch_update;
DROP TRIGGER shared_service_kov_epoch_delete;
DROP TABLE shared_service_kov;
DROP TABLE shared_service;

CREATE TRIGGER solution_model_kov_epoch_insert AFTER INSERT ON solution_model_kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER solution_model_kov_epoch_update AFTER UPDATE ON solution_model_kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER solution_model_kov_epoch_delete AFTER DELETE ON solution_model_kov BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1;
