// data/builtin-templates.json (the built-in templates the adoptions API accepts) is the content's list.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { BUILTIN_FILE_URL } from '../../api/templates/builtin.ts';
import { builtinTemplatesJson } from '../../scripts/builtin-templates.ts';

it('data/builtin-templates.json matches content/templates (regenerate: npx tsx scripts/builtin-templates.ts)', () => {
  const list = JSON.parse(builtinTemplatesJson()) as Array<{ slug: string; version: string }>;
  expect(list.length).toBeGreaterThan(10);
  expect(list.every((t) => t.version !== '')).toBe(true);
  expect(readFileSync(BUILTIN_FILE_URL, 'utf8')).toBe(builtinTemplatesJson());
});
