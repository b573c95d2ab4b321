/** Collects the search documents: guides, solutions, templates, E-ITS modules and measures. */
import { CLASS_LABELS, measureUrl, moduleUrl, type CatalogLookup } from './catalog-index.ts';
import { markdownToPlainText, type KbItem } from './kb-items.ts';
import type { SearchDoc } from './search-core.ts';

export function collectSearchDocs(items: KbItem[], catalog: CatalogLookup): SearchDoc[] {
  const docs: SearchDoc[] = items.map((item) => ({
    url: item.url,
    title: item.title,
    type: item.kind,
    summary: item.summary,
    keywords: item.keywords,
    refs: [...item.modules, ...item.measures],
    body: markdownToPlainText(item.body),
  }));
  for (const m of catalog.index.modules) {
    const count = catalog.measuresByModule.get(m.id)?.length ?? 0;
    docs.push({ url: moduleUrl(m.id), title: `${m.id} ${m.title}`, type: 'module', summary: `E-ITS moodul, ${count} meedet`, ids: [m.id] });
  }
  for (const x of catalog.index.measures) {
    const mod = catalog.modules.get(x.module);
    const prio = catalog.kov[x.id];
    docs.push({
      url: measureUrl(x),
      title: `${x.id} ${x.title}`,
      type: 'measure',
      summary: `${x.module} ${mod?.title ?? ''} · ${CLASS_LABELS[x.class]}${prio ? ` · KOV ${prio}` : ''}`,
      ids: [x.id],
      refs: [x.module],
      ...(prio ? { kovPriority: prio } : {}),
    });
  }
  return docs;
}
