/** The downloadable Markdown of a template: a short header (title, version, measures, source) + the body. */
import type { TemplateData } from './content-schemas.ts';
import { formatIsoDate } from './kb-items.ts';

export function templateMarkdown(
  slug: string,
  data: Pick<TemplateData, 'title' | 'version' | 'measures' | 'lastReviewed' | 'owner'> & { highMeasures?: string[] | undefined },
  body: string,
): string {
  const clean = body.replace(/^(import|export)\s.*$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  return [
    `# ${data.title}`,
    '',
    `Malli versioon ${data.version}, üle vaadatud ${formatIsoDate(data.lastReviewed)} (${data.owner ?? ''}).`,
    `E-ITS 2024 meetmed: ${data.measures.join(', ')}.`,
    ...(data.highMeasures?.length ? [`Suure kaitsetarbe korral (kõrgmeetmed): ${data.highMeasures.join(', ')}.`] : []),
    `Allikas: Turvarada, /mallid/${slug}/. Asenda nurksulgudes kohatäited oma asutuse andmetega.`,
    '',
    clean,
    '',
  ].join('\n');
}
