// The project's import graph, read with the TypeScript compiler's pre-processor: the imports of
// .ts files and of .astro frontmatter and <script> blocks, `import type`, `export … from` and
// import() included. A relative import is an edge to the file (path from the root); a package
// import an edge to the package's name ('hono', '@hono/zod-openapi', 'node:fs').
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Module (path relative to the root, or a package name) → what it imports. */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|astro|mjs)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name.startsWith('.') ? [] : filesUnder(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The code of a file as TypeScript: an .astro file's frontmatter and its <script> blocks. */
function codeOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.astro')) return text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** The module an import names: a file for a relative import (undefined when it is missing), else the package. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return specifier.startsWith('node:') ? specifier : specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  const found = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
  return found && relative(ROOT, found);
}

/**
 * The import graph of every source file under the given folders (relative to the root), and the
 * relative imports that name no file (a graph with holes would hide cycles).
 */
export function importGraph(folders: string[]): { graph: ImportGraph; unresolved: string[] } {
  const graph: ImportGraph = new Map();
  const unresolved: string[] = [];
  for (const file of folders.flatMap((f) => filesUnder(resolve(ROOT, f)))) {
    const from = relative(ROOT, file);
    const targets = ts.preProcessFile(codeOf(file), true, true).importedFiles.map(({ fileName }) => {
      const target = resolveImport(file, fileName);
      if (!target) unresolved.push(`${from} → ${fileName}`);
      return target;
    });
    graph.set(from, [...new Set(targets.filter((t) => t !== undefined))]);
  }
  return { graph, unresolved };
}

/** Every import cycle (each once, as a path returning to its start), by depth-first search. */
export function cycles(graph: ImportGraph): string[][] {
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join(' ');
        if (!found.has(key)) found.set(key, [...cycle, next]);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...found.values()];
}
