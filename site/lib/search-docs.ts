/** Collects the search documents: guides, solutions, templates, measure notes, E-ITS modules and measures. */
import { CLASS_LABELS, measureUrl, moduleUrl, type CatalogLookup } from './catalog-index.ts';
import { markdownToPlainText, noteUrl, type KbItem } from './kb-items.ts';
import type { SearchDoc } from './search-core.ts';

/** A measure note (meetme selgitus) as the search index needs it. */
export interface SearchNote {
  measure: string;
  summary: string;
  keywords: string[];
  body: string;
}

export function collectSearchDocs(items: KbItem[], catalog: CatalogLookup, notes: SearchNote[] = []): SearchDoc[] {
  const docs: SearchDoc[] = items.map((item) => ({
    url: item.url,
    title: item.title,
    type: item.kind,
    summary: item.summary,
    keywords: item.keywords,
    refs: [...item.modules, ...item.measures],
    body: markdownToPlainText(item.body),
  }));
  // A note cites its measure (refs), it does not claim the id: an id query still finds the measure first.
  for (const n of notes) {
    const m = catalog.measures.get(n.measure);
    docs.push({
      url: noteUrl(n.measure),
      title: `${n.measure} ${m?.title ?? ''}`.trim(),
      type: 'note',
      summary: n.summary,
      keywords: n.keywords,
      refs: [n.measure, m?.module ?? ''].filter(Boolean),
      body: markdownToPlainText(n.body),
    });
  }
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
