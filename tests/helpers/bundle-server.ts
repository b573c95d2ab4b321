import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT_DIR } from '../../api/config.ts';

/**
 * Bundles the real server (api/server.ts → main()) into one ESM file so tests that restart it many
 * times (crash rounds) start in a fraction of a second instead of re-transpiling every module.
 * Each module keeps its own import.meta.url, so data and migration paths resolve as in the source.
 */
export async function bundleServer(): Promise<string> {
  // Inside the project so the bundle's external imports resolve from its node_modules.
  mkdirSync(join(ROOT_DIR, 'node_modules/.cache'), { recursive: true });
  const outfile = join(mkdtempSync(join(ROOT_DIR, 'node_modules/.cache/server-bundle-')), 'server.mjs');
  await build({
    stdin: { contents: "import { main } from './api/server.ts';\nvoid main();\n", resolveDir: ROOT_DIR, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
    plugins: [
      {
        name: 'keep-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  return outfile;
}
