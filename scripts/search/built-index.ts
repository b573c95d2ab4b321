/** Loads the built search index (dist/otsing/index.json) for Node: the CLI and the search tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSearcher, type Searcher } from '../../site/lib/search-core.ts';
import type { SerializedSearch } from '../../site/lib/search-engine.ts';

export function builtIndexPath(distDir: string): string {
  return join(distDir, 'otsing', 'index.json');
}

/** Throws a readable error when the site has not been built. */
export function loadBuiltSearcher(distDir: string): Searcher {
  const path = builtIndexPath(distDir);
  if (!existsSync(path)) throw new Error(`Otsinguindeksit ei leitud (${path}). Ehita sait: npm run build`);
  return createSearcher(JSON.parse(readFileSync(path, 'utf8')) as SerializedSearch);
}
