// Demo solution models (issue 19): the standard solutions of the knowledge base (content/solutions/)
// as drafts for the working group. Modules and measures come from each page's frontmatter; the
// responsibility split is a first proposal by module kind, every status 'not_assessed' and every note
// saying that the working group and the provider must confirm it — nothing here claims a fact.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Responsibility } from '../../api/contracts/solutions.ts';
import type { Db } from '../../api/db/database.ts';
import { createModel } from '../../api/solutions/write.ts';
import { firstUserIdByEmail } from '../../api/users/store.ts';

const SOLUTIONS_DIR = new URL('../../content/solutions/', import.meta.url);
const DRAFT_NOTE = 'Mustand: vastutuse jaotus on esialgne ettepanek, mille kinnitavad töörühm ja teenusepakkuja.';

/** The knowledge base page, the model's short name, object type and who provides it. */
const MODELS = [
  { slug: 'volis', name: 'VOLIS', type: 'application', provider: 'ELVL ja VOLISe teenusepakkuja' },
  { slug: 'kovtp', name: 'KOVTP veebiplatvorm', type: 'application', provider: 'ELVL ja platvormi teenusepakkuja' },
  { slug: 'delta', name: 'Delta dokumendihaldus', type: 'application', provider: 'Delta teenusepakkuja' },
  { slug: 'amphora', name: 'Amphora dokumendihaldus', type: 'application', provider: 'Amphora teenusepakkuja' },
  { slug: 'webdesktop', name: 'WebDesktop dokumendihaldus', type: 'application', provider: 'WebDesktopi teenusepakkuja' },
  { slug: 'microsoft-365', name: 'Microsoft 365', type: 'service', provider: 'Microsoft (partneri kaudu)' },
  { slug: 'riigipilv', name: 'Riigipilv', type: 'service', provider: 'Riigipilve teenusepakkuja' },
] as const;

const Frontmatter = z.object({ title: z.string(), summary: z.string(), modules: z.array(z.string()), measures: z.array(z.string()).default([]) });

function frontmatter(slug: string): z.infer<typeof Frontmatter> {
  const text = readFileSync(new URL(`${slug}.mdx`, SOLUTIONS_DIR), 'utf8');
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!block) throw new Error(`content/solutions/${slug}.mdx: frontmatter puudub`);
  return Frontmatter.parse(parse(block[1]!));
}

/** A first proposal: the application's own modules are the provider's, organisation and outsourcing the municipality's. */
function responsibilityOf(measureId: string): Responsibility {
  if (/^(APP|SYS|NET|INF)\./.test(measureId)) return 'provider';
  if (/^OPS\.1\./.test(measureId)) return 'shared';
  return 'kov';
}

export function seedSolutionsDemo(db: Db, log: (line: string) => void): void {
  const actor = { id: firstUserIdByEmail(db, ['admin@demo.turvarada.ee']), ip: null };
  for (const m of MODELS) {
    const page = frontmatter(m.slug);
    createModel(db, {
      name: m.name,
      type: m.type,
      provider: m.provider,
      description: page.summary.slice(0, 2000),
      kbSlug: m.slug,
      modules: page.modules,
      statements: page.measures.map((measureId) => ({ measureId, responsibility: responsibilityOf(measureId), status: 'not_assessed', note: DRAFT_NOTE, evidenceUrl: null })),
      draft: true,
    }, actor);
  }
  log(`Standardlahenduste mudeleid (mustandid): ${MODELS.length}`);
}
