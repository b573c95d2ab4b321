import type { APIRoute } from 'astro';
import { getAllItems } from '../../lib/kb.ts';
import { measureLinkMap } from '../../lib/kb-items.ts';

/**
 * /kb/measure-links.json: { "<measureId>": [{ url, title, type }] } — the guides, solutions and
 * templates citing each measure. The tracker's measure detail reads it.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(measureLinkMap(await getAllItems())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
