// Keeps each class of fix whole as the code grows: every password verification goes through the one
// throttled check, every navigation and redirect through the one same-origin check. A new call site
// that bypasses them fails here with its file named.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../api/config.ts';

function sources(dir: string): string[] {
  return readdirSync(join(ROOT_DIR, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|astro)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

const files = ['api', 'scripts', 'site'].flatMap(sources);
const using = (pattern: RegExp) => files.filter((f) => pattern.test(readFileSync(join(ROOT_DIR, f), 'utf8'))).map((f) => relative('.', f));

describe('one check per class', () => {
  it('verifies passwords only behind the attempt reservation (api/auth/password-check.ts)', () => {
    expect(using(/\bverify(Password|Dummy)\s*\(|from '@node-rs\/argon2'/)).toEqual(['api/auth/password-check.ts', 'api/auth/passwords.ts']);
  });

  it('navigates pages only through site/scripts/lib/navigate.ts', () => {
    expect(using(/location\.(assign|replace)\s*\(|location\.href\s*=[^=]|window\.open\s*\(/)).toEqual(['site/scripts/lib/navigate.ts']);
  });

  it('redirects on the server only through the same-origin check', () => {
    // static.ts redirects only to what sameOriginPath returned; tara-routes.ts has the one redirect to TARA itself.
    expect(using(/\bc\.redirect\s*\(/)).toEqual(['api/auth/tara-routes.ts', 'api/lib/same-origin.ts', 'api/static.ts']);
    expect(using(/\bc\.redirect\s*\(begun\.url/)).toEqual(['api/auth/tara-routes.ts']);
  });
});
