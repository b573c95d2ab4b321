import type { APIRoute } from 'astro';
import { getAllItems, getNoteRefs } from '../../lib/kb.ts';
import { measureLinkMap } from '../../lib/kb-items.ts';

/**
 * /kb/measure-links.json: { "<measureId>": [{ url, title, type, typeLabel }] } — the measure's note
 * (type "note", "Meetme selgitus") and the guides, solutions and templates citing it. The tracker's
 * measure detail reads it.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(measureLinkMap(await getAllItems(), await getNoteRefs())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
