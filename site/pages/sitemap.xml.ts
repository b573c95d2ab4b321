/// <reference types="astro/client" />
import type { APIRoute } from 'astro';
import { loadCatalogIndex, moduleUrl } from '../lib/catalog-index.ts';
import { getAllItems, getNoteRefs } from '../lib/kb.ts';
import { xmlEscape } from '../lib/odt.ts';

/**
 * /sitemap.xml: every HTML page. Static pages are discovered from the page files (so pages other
 * domains add appear automatically); dynamic pages of the knowledge base are listed from their data.
 */
const PAGE_FILES = import.meta.glob('./**/*.astro');

function staticRoutes(): string[] {
  return Object.keys(PAGE_FILES)
    .filter((f) => !f.includes('[') && !/\/404\.astro$/.test(f) && !/\/_/.test(f))
    .map((f) => f.slice(1).replace(/\.astro$/, '').replace(/(^|\/)index$/, '$1'))
    .map((p) => (p.endsWith('/') ? p : p + '/'));
}

export const GET: APIRoute = async ({ site }) => {
  const origin = (site?.toString() ?? 'http://127.0.0.1:4321/').replace(/\/$/, '');
  const items = await getAllItems();
  const paths = [
    ...staticRoutes(),
    ...items.map((i) => i.url),
    ...loadCatalogIndex().modules.map((m) => moduleUrl(m.id)),
    ...(await getNoteRefs()).map((n) => n.url),
  ];
  const unique = [...new Set(paths)].sort();
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${unique
    .map((p) => `  <url><loc>${xmlEscape(origin + p)}</loc></url>`)
    .join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
