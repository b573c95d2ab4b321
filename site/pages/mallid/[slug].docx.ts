import type { APIRoute, GetStaticPaths } from 'astro';
import { getTemplates, type TemplateEntry } from '../../lib/kb.ts';
import { markdownToDocx } from '../../lib/docx.ts';
import { templateMarkdown } from '../../lib/template-files.ts';

/** /mallid/<slug>.docx: the template as a Word document, generated at build from the same Markdown as the ODT. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await getTemplates()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));

export const GET: APIRoute = async ({ props, params }) => {
  const { entry } = props as { entry: TemplateEntry };
  const markdown = templateMarkdown(params.slug!, entry.data, entry.body ?? '').replace(/^# .*\n/, '');
  const bytes = await markdownToDocx({ title: entry.data.title, markdown, date: entry.data.lastReviewed });
  return new Response(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
};
