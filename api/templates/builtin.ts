// The built-in templates (content/templates/*.mdx, shipped with the site) as the API knows them:
// data/builtin-templates.json, written from the content files by scripts/builtin-templates.ts and held
// equal to them by tests/content/builtin-templates.test.ts. A municipality's adoption of a built-in
// template is keyed by its slug (the file name, the page /mallid/<slug>/) and records its version.
import { readFileSync } from 'node:fs';

export interface BuiltinTemplate {
  slug: string;
  title: string;
  version: string;
  category: string;
}

export const BUILTIN_FILE_URL = new URL('../../data/builtin-templates.json', import.meta.url);

let cache: Map<string, BuiltinTemplate> | null = null;

function load(): Map<string, BuiltinTemplate> {
  cache ??= new Map((JSON.parse(readFileSync(BUILTIN_FILE_URL, 'utf8')) as BuiltinTemplate[]).map((t) => [t.slug, t]));
  return cache;
}

/** The built-in template with this slug, or undefined. */
export const builtinTemplate = (slug: string): BuiltinTemplate | undefined => load().get(slug);

/** Every built-in template, by slug. */
export const builtinTemplates = (): BuiltinTemplate[] => [...load().values()];
