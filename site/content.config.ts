/// <reference types="astro/client" />
/**
 * Content collections of the knowledge base. Files live in content/<kind>/<slug>.mdx at the project
 * root (the glob base is relative to the project root, not to srcDir). The schemas and rules are in
 * site/lib/content-schemas.ts and site/lib/content-rules.ts.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { SLUG_PATTERN } from './lib/content-rules.ts';
import { guideShape, solutionShape, templateShape, withRules } from './lib/content-schemas.ts';
import { noteIdFromFile, withNoteRules } from './lib/measure-note-schema.ts';

/** The file name is the URL slug; refuse names that would make ugly or ambiguous URLs. */
function slugFromFile({ entry }: { entry: string }): string {
  const slug = entry.replace(/\.mdx?$/, '');
  if (!SLUG_PATTERN.test(slug)) {
    throw new Error(`Sisufaili nimi "${entry}" ei sobi: kasuta väiketähti, numbreid ja sidekriipse (nt mitmikautentimine.mdx).`);
  }
  return slug;
}

const loader = (kind: string) => glob({ pattern: '*.{md,mdx}', base: `./content/${kind}`, generateId: slugFromFile });

export const collections = {
  guides: defineCollection({ loader: loader('guides'), schema: withRules(guideShape) }),
  solutions: defineCollection({ loader: loader('solutions'), schema: withRules(solutionShape) }),
  templates: defineCollection({ loader: loader('templates'), schema: withRules(templateShape) }),
  /** Measure notes: content/measure-notes/<measure id>.mdx (schema in lib/measure-note-schema.ts). */
  measureNotes: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: './content/measure-notes', generateId: ({ entry, data }) => noteIdFromFile(entry, data) }),
    schema: withNoteRules(),
  }),
};
