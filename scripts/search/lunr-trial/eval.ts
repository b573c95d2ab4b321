/**
 * Issue 17 follow-up: can lunr 2.3.9 meet the goals? Same 116 topic queries, the bench's 200 queries
 * (single pass after 10 warm-up, as scripts/bench/site.ts) and per-query best of 5. Input: the search
 * documents of a build, dumped to /tmp/lunr-docs.json (JSON.stringify of collectSearchDocs in
 * site/pages/otsing/index.json.ts). Run: npx tsx scripts/search/lunr-trial/eval.ts '[{tuning}]';
 * ENGINE=bm25 measures the built BM25F index in /tmp/site-bm25 with the same loop.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildLunr, loadLunr, DEFAULT_TUNING, type Tuning } from './lunr-trial.ts';
import { parseQuery, SEARCH_TYPE_LABELS, type SearchDoc, type Searcher, type SearchResult } from '../../../site/lib/search-core.ts';
import { packIndex, unpackIndex } from './pack.ts';
import { rankingQuality } from '../../../tests/search/topic-queries.ts';
import { QUALITY_QUERIES } from '../../../tests/search/quality-queries.ts';
import { summarize } from '../../bench/lib.ts';

const docs = JSON.parse(readFileSync('/tmp/lunr-docs.json', 'utf8')) as SearchDoc[];
const variants = JSON.parse(process.argv[2] ?? '[{}]') as Array<Partial<Tuning>>;
for (const overrides of variants) {
const t: Tuning = { ...DEFAULT_TUNING, ...overrides, boost: { ...DEFAULT_TUNING.boost, ...(overrides.boost ?? {}) } };
const built = buildLunr(docs, t);
const wire = JSON.stringify({ kb: packIndex(built.kb), cat: packIndex(built.cat), docs: docs.map((d) => [d.url, d.title, d.type, d.summary, d.kovPriority ?? 0]) });
const gz = gzipSync(Buffer.from(wire)).length;
const back = JSON.parse(wire);
const eng = loadLunr({ kb: unpackIndex(back.kb), cat: unpackIndex(back.cat) }, t);
const query = (input: string, limit = 10) => {
  const p = parseQuery(input);
  if (!p.terms.length) return { results: [] as SearchResult[], total: 0 };
  const { hits, total } = eng.rank(p, limit);
  return { total, results: hits.map(({ doc, score }) => { const d = docs[doc]!; return { url: d.url, title: d.title, type: d.type, typeLabel: SEARCH_TYPE_LABELS[d.type], summary: d.summary, score }; }) };
};
let searcher: Searcher = { size: docs.length, query, search: (i, l) => query(i, l).results };
if (process.env['ENGINE'] === 'bm25') searcher = (await import('../../search/built-index.ts')).loadBuiltSearcher('/tmp/site-bm25');
const q = rankingQuality(searcher);
const chosen = rankingQuality(searcher, (await import('../../../tests/search/topic-queries.ts')).TOPIC_QUERIES.slice(0, 66));
const check = rankingQuality(searcher, (await import('../../../tests/search/topic-queries.ts')).TOPIC_QUERIES.slice(66));
const top5 = QUALITY_QUERIES.filter(([qq, url]) => searcher.search(qq, 5).some((r) => r.url === url)).length / QUALITY_QUERIES.length;
// bench queries
const WORDS = ['varukoopia', 'varukoopiate taastamine', 'parool', 'mitmikautentimine', 'tulemüür', 'e-post', 'DMARC', 'SPF', 'kaugtöö', 'sülearvuti',
  'krüpteerimine', 'logimine', 'intsident', 'õppus', 'koolitus', 'riskianalüüs', 'infoturbepoliitika', 'juurdepääsuõigused', 'serveriruum', 'pilveteenus',
  'Microsoft 365', 'riigipilv', 'andmekaitse', 'isikuandmed', 'turvauuendused', 'viirusetõrje', 'võrguseadmed', 'WiFi', 'printer', 'mobiilseade',
  'ISMS.1', 'ORP.4', 'CON.3', 'OPS.1.1.2', 'APP.5.3', 'NET.3.2', 'SYS.2.1', 'DER.2.1', 'INF.2', 'kool'];
const queries: string[] = [];
for (let i = 0; queries.length < 200; i++) { const a = WORDS[i % WORDS.length]!; const b = WORDS[(i * 7 + 3) % WORDS.length]!; queries.push(i < 40 ? a : i < 120 ? `${a} ${b}` : a.slice(0, Math.max(3, a.length - 3))); }
const samples: number[] = [0];
if (!process.env['QUICK']) for (const [i, qq] of [...queries.slice(0, 10), ...queries].entries()) { const s = performance.now(); searcher.search(qq, 10); if (i >= 10) samples.push(performance.now() - s); }
const s = summarize(samples);
const extra = {
  varundus: searcher.search('varundus', 1)[0]?.url, intsident: searcher.search('intsident', 1)[0]?.url, ongitsus: searcher.search('õngitsus', 1)[0]?.type,
  con: searcher.search('CON.3.M1', 1)[0]?.url, isms: searcher.search('isms.1', 1)[0]?.url, sys: searcher.search('SYS.', 1)[0]?.url,
  firstMeasureKov: ['varundus', 'intsident', 'parool', 'tulemüür', 'logimine', 'krüpteerimine'].map((w) => /KOV P[123]/.test(searcher.search(w, 40).find((r) => r.type === 'measure')?.summary ?? '')).join(','),
};
console.log(JSON.stringify({ mrr: +q.mrr.toFixed(3), top1: +(q.top1 * 100).toFixed(1), chosen: [+chosen.mrr.toFixed(3), +(chosen.top1*100).toFixed(1)], check: [+check.mrr.toFixed(3), +(check.top1*100).toFixed(1)], top5: +(top5 * 100).toFixed(1), p50: +s.p50.toFixed(2), p95: +s.p95.toFixed(2), gzKiB: +(gz / 1024).toFixed(1), ...extra }));
if (process.env['MISSES']) for (const m of q.misses) console.log(`${m.query} → ${m.expected} @${m.rank} first ${m.first}`);
if (!process.env['QUICK']) {
  const per = queries.map((qq) => { let best = Infinity; for (let r = 0; r < 5; r++) { const s0 = performance.now(); searcher.search(qq, 10); best = Math.min(best, performance.now() - s0); } return [qq, best] as const; });
  per.sort((a, b) => b[1] - a[1]);
  const b5 = summarize(per.map((x) => x[1])); console.log(`best-of-5 per query: p50 ${b5.p50.toFixed(3)} p95 ${b5.p95.toFixed(3)} max ${per[0]![1].toFixed(2)}`);
  if (process.env['SLOW']) console.log(per.slice(0, 15).map(([a, b]) => `${a}: ${b.toFixed(2)}`).join('\n'));
}
if (process.env['PASSES']) {
  const out: string[] = [];
  for (let p = 0; p < Number(process.env['PASSES']); p++) {
    const smp: number[] = [];
    for (const qq of queries) { const s0 = performance.now(); searcher.search(qq, 10); smp.push(performance.now() - s0); }
    const r = summarize(smp); out.push(`${r.p50.toFixed(2)}/${r.p95.toFixed(2)}`);
  }
  console.log('passes p50/p95:', out.join(' '));
}
console.log('  ^', JSON.stringify(overrides));
}
