import type { APIRoute, GetStaticPaths } from 'astro';
import { getTemplates, type TemplateEntry } from '../../lib/kb.ts';
import { markdownToOdt } from '../../lib/odt.ts';
import { templateMarkdown } from '../../lib/template-files.ts';

/** /mallid/<slug>.odt: the template as an OpenDocument text file, generated at build. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await getTemplates()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));

export const GET: APIRoute = ({ props, params }) => {
  const { entry } = props as { entry: TemplateEntry };
  const markdown = templateMarkdown(params.slug!, entry.data, entry.body ?? '').replace(/^# .*\n/, '');
  const bytes = markdownToOdt({ title: entry.data.title, markdown, date: entry.data.lastReviewed });
  return new Response(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, { headers: { 'Content-Type': 'application/vnd.oasis.opendocument.text' } });
};
