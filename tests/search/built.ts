/** Where the build under test lives: TURVARADA_OUT_DIR (parallel builds) or dist/. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const DIST_DIR = resolve(process.env['TURVARADA_OUT_DIR'] || 'dist');

/** Fails with a clear message instead of a cryptic ENOENT when the site is not built. */
export function requireBuild(): void {
  if (!existsSync(resolve(DIST_DIR, 'otsing/index.json'))) {
    throw new Error(`Saiti ei ole ehitatud (${DIST_DIR}/otsing/index.json puudub): käivita npm run build`);
  }
}
