import type { APIRoute, GetStaticPaths } from 'astro';
import { getTemplates, type TemplateEntry } from '../../lib/kb.ts';
import { templateMarkdown } from '../../lib/template-files.ts';

/** /mallid/<slug>.md: the template as Markdown, generated at build. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await getTemplates()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));

export const GET: APIRoute = ({ props, params }) => {
  const { entry } = props as { entry: TemplateEntry };
  return new Response(templateMarkdown(params.slug!, entry.data, entry.body ?? ''), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};
