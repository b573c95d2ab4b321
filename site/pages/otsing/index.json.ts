import type { APIRoute } from 'astro';
import { catalogLookup } from '../../lib/catalog-index.ts';
import { getAllItems } from '../../lib/kb.ts';
import { buildSearchIndex } from '../../lib/search-build.ts';
import { collectSearchDocs } from '../../lib/search-docs.ts';

/** /otsing/index.json: the whole-site search index + display table, built once at build time. */
export const GET: APIRoute = async () => {
  const data = buildSearchIndex(collectSearchDocs(await getAllItems(), catalogLookup()));
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
