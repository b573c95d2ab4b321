import type { APIRoute } from 'astro';
import { catalogLookup } from '../../lib/catalog-index.ts';
import { getAllItems, getMeasureNotes } from '../../lib/kb.ts';
import { buildSearchIndex } from '../../lib/search-build.ts';
import { collectSearchDocs } from '../../lib/search-docs.ts';

/** /otsing/index.json: the whole-site search index + display table, built once at build time. */
export const GET: APIRoute = async () => {
  const notes = (await getMeasureNotes()).map((n) => ({ measure: n.data.measure, summary: n.data.summary, keywords: n.data.keywords, body: n.body ?? '' }));
  const data = buildSearchIndex(collectSearchDocs(await getAllItems(), catalogLookup(), notes));
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
