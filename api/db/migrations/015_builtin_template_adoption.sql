-- Issue 17: a municipality records adoption of a built-in template too (content/templates, shipped with
-- the site), not only of a working group's approved version. A built-in template is keyed by its slug
-- and carries its own version string ("1.0"); the slugs are checked against data/builtin-templates.json.
CREATE TABLE builtin_template_adoption (
  ehak TEXT NOT NULL REFERENCES kov (ehak),
  slug TEXT NOT NULL CHECK (slug GLOB '[a-z0-9]*' AND length(slug) <= 100),
  version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 20),
  adopted_on TEXT NOT NULL CHECK (adopted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recorded_by INTEGER NOT NULL REFERENCES app_user (id),
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (ehak, slug)
) STRICT;
CREATE INDEX builtin_template_adoption_slug ON builtin_template_adoption (slug);
