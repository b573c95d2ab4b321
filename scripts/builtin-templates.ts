// Writes data/builtin-templates.json from content/templates/*.mdx: slug, title, version and category
// of each built-in template, the list the adoptions API checks slugs against (api/templates/builtin.ts).
// Run after adding or re-versioning a template: npx tsx scripts/builtin-templates.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BUILTIN_FILE_URL, type BuiltinTemplate } from '../api/templates/builtin.ts';

const CONTENT = new URL('../content/templates/', import.meta.url);

export function builtinTemplatesFromContent(): BuiltinTemplate[] {
  return readdirSync(CONTENT)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((f) => {
      const src = readFileSync(new URL(f, CONTENT), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(src);
      const data = (m ? parse(m[1]!) : {}) as Record<string, unknown>;
      return { slug: f.replace(/\.mdx?$/, ''), title: String(data['title'] ?? ''), version: String(data['version'] ?? ''), category: String(data['category'] ?? '') };
    });
}

export const builtinTemplatesJson = (): string => JSON.stringify(builtinTemplatesFromContent(), null, 2) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(BUILTIN_FILE_URL, builtinTemplatesJson());
  console.log(`data/builtin-templates.json: ${builtinTemplatesFromContent().length} malli.`);
}
