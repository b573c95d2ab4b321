// The real content, checked the way a CI build checks it (strict rules): every guide, solution and
// template has sources and a recent lastReviewed, cites only basic/standard measures in `measures`
// and only high ones in `highMeasures`.
import { describe, expect, it } from 'vitest';
import { guideShape, solutionShape, templateShape, withRules } from '../../site/lib/content-schemas.ts';
import { collectionFiles, frontMatter } from './helpers.ts';

const PRIMARY = /^https:\/\/([a-z0-9-]+\.)*(riigiteataja\.ee|ria\.ee|aki\.ee)\//;
const env = { CI: '1', TURVARADA_TODAY: process.env['TURVARADA_TODAY'] };
const schemas = { guides: withRules(guideShape, env), solutions: withRules(solutionShape, env), templates: withRules(templateShape, env) };

describe('content files pass the strict rules', () => {
  for (const kind of ['guides', 'solutions', 'templates'] as const) {
    const files = collectionFiles(kind);
    it(`${kind}: at least one file`, () => expect(files.length).toBeGreaterThan(0));
    for (const file of files) {
      it(file, () => {
        const res = schemas[kind].safeParse(frontMatter(file).data);
        const problems = res.success ? [] : res.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`);
        expect(problems).toEqual([]);
        // Primary sources first: the first one is Riigi Teataja, eits.ria.ee, ria.ee or aki.ee.
        const first = (frontMatter(file).data['sources'] as Array<{ url: string }> | undefined)?.[0]?.url ?? '';
        expect(PRIMARY.test(first), `${file}: esimene allikas ${first} ei ole esmane`).toBe(true);
      });
    }
  }
});

// A municipality without a specialist checks a supplier by numbers and evidence: every standard
// solution's contract clauses cover the five topics of the content review with a number each.
describe('standard solutions give numbered contract clauses with evidence', () => {
  const topics: Array<[string, RegExp]> = [
    ['hours to report an incident', /intsiden[dt][\s\S]*\[?\d+\]? tunni/i],
    ['days to patch critical vulnerabilities', /(paik|turvauuend)[\s\S]*\[?\d+\]? päeva/i],
    ['RPO/RTO', /RPO[\s\S]*RTO|RTO[\s\S]*RPO/],
    ['log retention', /logi[\s\S]*\[?\d+\]? kuud/i],
    ['exit and data return', /(lepingu lõp|partneri vahetus)[\s\S]*\[?\d+\]? (töö)?päeva/i],
  ];
  for (const file of collectionFiles('solutions')) {
    it(file, () => {
      const clauses = (frontMatter(file).data['contractClauses'] as Array<{ clause: string; evidence: string }>) ?? [];
      const missing = topics.filter(([, re]) => !clauses.some((c) => re.test(c.clause))).map(([name]) => name);
      expect(missing).toEqual([]);
      for (const c of clauses) expect(c.evidence?.trim().length ?? 0, c.clause.slice(0, 50)).toBeGreaterThan(20);
    });
  }
});
