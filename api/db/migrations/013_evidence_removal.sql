-- Evidence gets an optional description and soft removal (issue 17): a removed row stays, with who
-- removed it and when, so the measure's history can say "Eemaldatud tõend …"; the list and the file
-- download skip it. Rows copied to a new edition keep all three.
ALTER TABLE measure_evidence ADD COLUMN description TEXT CHECK (description IS NULL OR length(description) BETWEEN 1 AND 1000);
ALTER TABLE measure_evidence ADD COLUMN removed_at TEXT;
ALTER TABLE measure_evidence ADD COLUMN removed_by INTEGER REFERENCES app_user (id);
