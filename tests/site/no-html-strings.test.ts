// Client code builds the page with lit-html (which escapes every value) or the DOM, never by parsing
// strings as HTML: no innerHTML, outerHTML, insertAdjacentHTML, document.write, DOMParser, range
// fragments, srcdoc or lit's unsafe directives. Scans site/scripts and the scripts of .astro files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FORBIDDEN = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|DOMParser|createContextualFragment|srcdoc|unsafeHTML|unsafeSVG|unsafeMathML|unsafe-html|unsafe-svg)\b/g;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && ext.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** Every use of a forbidden API as "file:line: match". */
function findings(path: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(FORBIDDEN)) out.push(`${relative(ROOT, path)}:${i + 1}: ${m[0]}`);
  });
  return out;
}

describe('no HTML built from strings in the browser', () => {
  it('site/scripts never parses a string as HTML', () => {
    const scripts = files(join(ROOT, 'site/scripts'), /\.(ts|js|mjs)$/);
    expect(scripts.length).toBeGreaterThan(30);
    expect(scripts.flatMap((f) => findings(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('nor does any <script> of an .astro page or component', () => {
    const astro = files(join(ROOT, 'site'), /\.astro$/);
    const inScripts = astro.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) => findings(f, m[1]!));
    });
    expect(inScripts).toEqual([]);
  });

  it('the scan finds what it looks for', () => {
    expect(findings('x.ts', "el.innerHTML = '<b>'; el.insertAdjacentHTML('beforeend', s);")).toEqual(['x.ts:1: innerHTML', 'x.ts:1: insertAdjacentHTML']);
  });
});
