// Every `pattern` attribute in the built pages must be the regex its source meant. Astro drops the
// backslash of a literal attribute (pattern="\d{4}" became "d{4}" and refused every real value),
// and browsers compile a pattern with the 'v' flag, which refuses some classes the 'u' flag allows.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, requireBuild } from '../search/built.ts';

/** Valid and invalid values per input id; a new pattern needs its examples here. */
const EXAMPLES: Record<string, { valid: string[]; invalid: string[] }> = {
  'snapshot-period': { valid: ['2026-H2', '2027-H1'], invalid: ['2026-H3', '26-H1', '2026H2', 'd{4}-H1'] },
};

function files(dir: string, ext: string, skip: RegExp | null = null): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (skip?.test(e.name)) return [];
    return e.isDirectory() ? files(path, ext, skip) : e.name.endsWith(ext) ? [path] : [];
  });
}

const unescapeHtml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|quot|amp|lt|gt|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
  );

interface Found { file: string; id: string; pattern: string }

function builtPatterns(): Found[] {
  return files(DIST_DIR, '.html').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/<input\b[^>]*>/gi)].flatMap(([tag]) => {
      const pattern = /\spattern=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
      if (!pattern) return [];
      const id = /\sid="([^"]*)"/i.exec(tag)?.[1] ?? '';
      return [{ file: relative(DIST_DIR, file), id, pattern: unescapeHtml(pattern[1] ?? pattern[2]!) }];
    }),
  );
}

describe('pattern attributes in the built site', () => {
  requireBuild();
  const found = builtPatterns();

  it('finds the patterns the pages use', () => {
    expect(found.map((f) => f.id)).toContain('snapshot-period');
  });

  it.each(found.map((f) => [`${f.file} #${f.id}`, f] as const))('%s compiles with the v flag and accepts its examples', (_, f) => {
    const re = new RegExp(`^(?:${f.pattern})$`, 'v');
    const examples = EXAMPLES[f.id];
    expect(examples, `add valid and invalid examples for #${f.id} to EXAMPLES`).toBeDefined();
    for (const v of examples!.valid) expect(re.test(v), `${f.pattern} accepts ${v}`).toBe(true);
    for (const v of examples!.invalid) expect(re.test(v), `${f.pattern} refuses ${v}`).toBe(false);
  });

  it('keeps every literal pattern of the .astro sources unchanged in the build', () => {
    const built = new Set(found.map((f) => f.pattern));
    for (const file of files('site', '.astro', /^node_modules$/)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\spattern="([^"]*)"/g)) {
        expect(built.has(unescapeHtml(m[1]!)), `${file}: pattern="${m[1]}" is not in the build as written`).toBe(true);
      }
    }
  });
});
