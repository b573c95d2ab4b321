// Which template each municipality adopted (tables template_adoption for the working group's
// approved versions and builtin_template_adoption for the built-in templates of content/templates).
// The one module that runs SQL on them.
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** A working-group adoption with the title of the template's current (or adopted) version. */
export interface AdoptionViewRow {
  ehak: string;
  template_id: number;
  n: number;
  adopted_on: string;
  recorded_at: string;
  title: string;
  current_version: number | null;
}

/** A row of builtin_template_adoption. */
export interface BuiltinAdoptionRow {
  ehak: string;
  slug: string;
  version: string;
  adopted_on: string;
  recorded_by: number;
  recorded_at: string;
}

export interface NewAdoption {
  ehak: string;
  adopted_on: string;
  recorded_by: number;
}

const VIEW = `SELECT a.ehak, a.template_id, a.n, a.adopted_on, a.recorded_at, v.title, t.current_version
  FROM template_adoption a JOIN template t ON t.id = a.template_id
  JOIN template_version v ON v.template_id = a.template_id AND v.n = coalesce(t.current_version, a.n)`;
const OF_KOV = prepared<[string], AdoptionViewRow>(`${VIEW} WHERE a.ehak = ? ORDER BY v.title`);
const ONE_VIEW = prepared<[string, number], AdoptionViewRow>(`${VIEW} WHERE a.ehak = ? AND a.template_id = ?`);
const ONE = prepared<[string, number], { n: number; adopted_on: string }>('SELECT n, adopted_on FROM template_adoption WHERE ehak = ? AND template_id = ?');
const OF_TEMPLATE = prepared<[number], { ehak: string; n: number; adopted_on: string }>('SELECT ehak, n, adopted_on FROM template_adoption WHERE template_id = ?');
const UPSERT = prepared<[NewAdoption & { template_id: number; n: number }], unknown>(
  `INSERT INTO template_adoption (ehak, template_id, n, adopted_on, recorded_by) VALUES (@ehak, @template_id, @n, @adopted_on, @recorded_by)
   ON CONFLICT (ehak, template_id) DO UPDATE SET n = excluded.n, adopted_on = excluded.adopted_on, recorded_by = excluded.recorded_by,
     recorded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
);
const BUILTIN_OF_KOV = prepared<[string], BuiltinAdoptionRow>('SELECT * FROM builtin_template_adoption WHERE ehak = ? ORDER BY slug');
const BUILTIN_ONE = prepared<[string, string], BuiltinAdoptionRow>('SELECT * FROM builtin_template_adoption WHERE ehak = ? AND slug = ?');
const BUILTIN_OF = prepared<[string], BuiltinAdoptionRow>('SELECT * FROM builtin_template_adoption WHERE slug = ?');
const BUILTIN_UPSERT = prepared<[NewAdoption & { slug: string; version: string }], unknown>(
  `INSERT INTO builtin_template_adoption (ehak, slug, version, adopted_on, recorded_by) VALUES (@ehak, @slug, @version, @adopted_on, @recorded_by)
   ON CONFLICT (ehak, slug) DO UPDATE SET version = excluded.version, adopted_on = excluded.adopted_on, recorded_by = excluded.recorded_by,
     recorded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
);

/** The municipality's working-group adoptions, by title. */
export const adoptionViewRows = (db: Db, ehak: string): AdoptionViewRow[] => OF_KOV(db).all(ehak);

export const adoptionViewRow = (db: Db, ehak: string, templateId: number): AdoptionViewRow | undefined => ONE_VIEW(db).get(ehak, templateId);

/** The adopted version and date, for the audit's old value. */
export const adoptionOf = (db: Db, ehak: string, templateId: number) => ONE(db).get(ehak, templateId);

/** Every municipality's adoption of one working-group template. */
export const adoptionsOfTemplate = (db: Db, templateId: number) => OF_TEMPLATE(db).all(templateId);

/** Records (or replaces) the municipality's adoption of a working-group template version. */
export const upsertAdoption = (db: Db, row: NewAdoption & { template_id: number; n: number }): void => void UPSERT(db).run(row);

export const builtinAdoptionRows = (db: Db, ehak: string): BuiltinAdoptionRow[] => BUILTIN_OF_KOV(db).all(ehak);

export const builtinAdoptionRow = (db: Db, ehak: string, slug: string): BuiltinAdoptionRow | undefined => BUILTIN_ONE(db).get(ehak, slug);

/** Every municipality's adoption of one built-in template. */
export const builtinAdoptionsOf = (db: Db, slug: string): BuiltinAdoptionRow[] => BUILTIN_OF(db).all(slug);

/** Records (or replaces) the municipality's adoption of a built-in template. */
export const upsertBuiltinAdoption = (db: Db, row: NewAdoption & { slug: string; version: string }): void => void BUILTIN_UPSERT(db).run(row);
