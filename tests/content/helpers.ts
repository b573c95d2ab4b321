import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

export const CONTENT_DIR = resolve(process.cwd(), 'content');
export const KINDS = ['guides', 'solutions', 'templates'] as const;

/** Every .md/.mdx file under content/ (all collections, also ones other editors add), relative paths. */
export function allContentFiles(dir = CONTENT_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...allContentFiles(abs));
    else if (/\.mdx?$/.test(name)) out.push(relative(process.cwd(), abs));
  }
  return out;
}

/** The files of one of the three collections this project's schemas cover. */
export function collectionFiles(kind: (typeof KINDS)[number]): string[] {
  return allContentFiles(join(CONTENT_DIR, kind)).filter((f) => relative(join(CONTENT_DIR, kind), resolve(f)).indexOf('/') < 0);
}

export function frontMatter(file: string): { data: Record<string, unknown>; body: string } {
  const src = readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(src);
  if (!m) throw new Error(`${file}: esikaas (---) puudub`);
  return { data: (parse(m[1]!) ?? {}) as Record<string, unknown>, body: src.slice(m[0].length) };
}
