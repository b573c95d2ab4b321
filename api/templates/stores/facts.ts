// Who submitted a template and its latest version (tables template, template_version): the facts the
// authorisation rules (api/auth/rules.ts) decide on. The rest of the templates' SQL still lives in
// api/templates/*.ts (eslint.config.js lists them as not yet converted); it joins this store then.
import type { TemplateFacts } from '../../auth/rules.ts';
import type { Db } from '../../db/database.ts';
import { prepared } from '../../db/statements.ts';

/** Who submitted the template and its latest version. */
const FACTS = prepared<[number], TemplateFacts>(
  `SELECT t.created_by AS createdBy, (SELECT v.submitted_by FROM template_version v WHERE v.template_id = t.id ORDER BY v.n DESC LIMIT 1) AS latestSubmittedBy
   FROM template t WHERE t.id = ?`,
);

/** Null when there is no such template. */
export const templateFactsRow = (db: Db, id: number): TemplateFacts | null => FACTS(db).get(id) ?? null;
