// The measure page's words: link types come from the build's one label table (a code such as "note"
// or "guide" never reaches the page), and the history names evidence added and removed.
import { describe, expect, it } from 'vitest';
import { MEASURE_LINK_LABELS, measureLinkMap, type KbItem } from '../../site/lib/kb-items.ts';
import { guides, history } from '../../site/scripts/tracker/measure-view.ts';
import type { HistoryEntry } from '../../api/contracts/tracker.ts';
import { toMarkup } from '../helpers/lit-markup.ts';

const item = (kind: KbItem['kind'], title: string): KbItem =>
  ({ kind, slug: title, title, url: `/${kind}/${title}/`, summary: '', measures: ['ISMS.1.M1'], modules: [] }) as unknown as KbItem;

describe('measure page links', () => {
  it('label every link type in Estonian, from the same table the knowledge base uses', () => {
    const map = measureLinkMap([item('guide', 'A'), item('solution', 'B'), item('template', 'C')], [{ measure: 'ISMS.1.M1', url: '/e-its/meede/ISMS.1.M1/', title: 'Selgitus' }]);
    const markup = toMarkup(guides(map['ISMS.1.M1']!));
    for (const label of ['juhend', 'standardlahendus', 'mall', 'meetme selgitus']) expect(markup).toContain(`(${label})`);
    for (const code of Object.keys(MEASURE_LINK_LABELS)) expect(markup).not.toContain(`(${code})`);
  });
});

describe('measure history', () => {
  it('says which evidence was added (with its description) and which removed', () => {
    const by = { id: 1, name: 'Mari Maasikas' };
    const evidence = { id: 7, kind: 'url' as const, label: 'https://dok.anija.ee/kord/1', description: 'Kinnitatud kord' };
    const entries: HistoryEntry[] = [
      { kind: 'evidence', action: 'removed', changedAt: '2026-11-20T10:00:00Z', changedBy: by, evidence },
      { kind: 'evidence', action: 'added', changedAt: '2026-11-19T10:00:00Z', changedBy: by, evidence },
    ];
    const markup = toMarkup(history(entries));
    expect(markup).toContain('Eemaldatud tõend „https://dok.anija.ee/kord/1“');
    expect(markup).toContain('Lisatud tõend „https://dok.anija.ee/kord/1“ (Kinnitatud kord)');
    expect(markup.indexOf('Eemaldatud')).toBeLessThan(markup.indexOf('Lisatud'));
  });
});
