-- Measures of a profile's modules that the profile has not classified yet (issue 18): the KOV
-- profile was made on the 2023 measure set, so measures new in 2024 or whose class changed, in
-- the modules it covers, have no priority. They are in scope with priority "määramata" until the
-- working group classifies them. The catalogue seed fills this from the shipped index; for a
-- database seeded before this table existed, the eight of E-ITS 2024 / KOV are added here
-- (the same list `catalog build-index` derives from the profile table).
CREATE TABLE catalog_profile_unclassified (
  profile_id INTEGER NOT NULL,
  edition TEXT NOT NULL,
  measure_id TEXT NOT NULL,
  PRIMARY KEY (profile_id, measure_id),
  FOREIGN KEY (profile_id, edition) REFERENCES catalog_profile (id, edition) ON DELETE CASCADE,
  FOREIGN KEY (edition, measure_id) REFERENCES catalog_measure (edition, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

INSERT INTO catalog_profile_unclassified (profile_id, edition, measure_id)
SELECT p.id, p.edition, m.id
FROM catalog_profile p JOIN catalog_measure m ON m.edition = p.edition
WHERE p.edition = '2024' AND p.name = 'KOV'
  AND m.id IN ('ORP.4.M10', 'DER.3.2.M7', 'SYS.3.1.M12', 'SYS.3.1.M13', 'SYS.3.1.M14', 'SYS.3.1.M17', 'SYS.3.2.1.M11', 'SYS.3.2.1.M36')
  AND NOT EXISTS (SELECT 1 FROM catalog_profile_measure pm WHERE pm.profile_id = p.id AND pm.measure_id = m.id);

-- The scopes read this table, so it moves reference_epoch like the profile tables (api/db/caches.ts).
CREATE TRIGGER catalog_profile_unclassified_epoch_insert AFTER INSERT ON catalog_profile_unclassified BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_profile_unclassified_epoch_update AFTER UPDATE ON catalog_profile_unclassified BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
CREATE TRIGGER catalog_profile_unclassified_epoch_delete AFTER DELETE ON catalog_profile_unclassified BEGIN UPDATE reference_epoch SET n = (random() >> 11) WHERE id = 1; END;
