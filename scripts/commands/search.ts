import { loadBuiltSearcher } from '../search/built-index.ts';
import { InputError, UsageError, type Command } from '../lib/command.ts';

/**
 * `search "<päring>" [--limit 10]`: the site search in Node, against the built index in dist/.
 */
export const searchCommands: Command[] = [
  {
    noun: 'search',
    verb: '',
    summary: 'Otsib juhenditest, standardlahendustest, mallidest ja E-ITS meetmetest (ehitatud indeksist)',
    help: 'Väljund on JSON: [{url,title,type,score}]. Näide: npm run cli -- search "varukoopiate taastamine" --limit 5',
    positionals: ['<päring>'],
    flags: {
      limit: { type: 'string', description: 'tulemuste arv (1–100, vaikimisi 10)' },
    },
    run(flags, ctx) {
      const query = ctx.positionals.join(' ').trim();
      if (!query) throw new UsageError('anna otsingupäring, nt: search "mitmikautentimine"');
      const rawLimit = flags['limit'];
      const limit = rawLimit === undefined ? 10 : Number(rawLimit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit peab olema täisarv 1–100');
      let searcher;
      try {
        searcher = loadBuiltSearcher(ctx.config.distDir);
      } catch (err) {
        throw new InputError(err instanceof Error ? err.message : String(err));
      }
      const results = searcher.search(query, limit).map(({ url, title, type, score }) => ({ url, title, type, score }));
      ctx.stdout.write(JSON.stringify(results, null, 2) + '\n');
    },
  },
];
