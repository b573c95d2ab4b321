// The terminology list (content/terminology.yaml) and the scan of every MDX file against its
// "not this" column: body and front matter (keywords excepted: they hold what people type).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTermIssuesInFile, findTerms, loadTerminology, type TermEntry } from '../../site/lib/terminology.ts';
import { allContentFiles } from './helpers.ts';

const terms = loadTerminology();
const words = (text: string, list: TermEntry[] = terms) => findTerms(text, list).map((i) => `${i.found}→${i.use}`);

describe('terminology list', () => {
  it('has the settled terms with their rejected forms', () => {
    const byUse = new Map(terms.map((t) => [t.use, t]));
    expect(byUse.get('paigahaldus')?.notThis).toContain('paikehald');
    expect(byUse.get('juurdepääs')?.notThis).toContain('ligipääs');
    expect(byUse.get('pilvteenus')?.notThis).toContain('pilveteenus');
    expect(byUse.get('klõpsama')?.notThis).toContain('klikk');
    expect([...byUse.keys()].some((u) => u.startsWith('kaitsetarve'))).toBe(true);
    for (const approach of ['põhiturve', 'standardturve', 'tuumikuturve']) expect(byUse.has(approach), approach).toBe(true);
  });

  it('finds inflected forms, multi-word forms and compounds, case-insensitively', () => {
    expect(words('Anna Ligipääsu ainult vajadusel.')).toEqual(['Ligipääsu→juurdepääs']);
    expect(words('VPN-i kaugligipääsud')).toEqual(['kaugligipääsud→juurdepääs']);
    expect(words('pilveteenustele ja paikehalduse kord')).toEqual(['pilveteenustele→pilvteenus', 'paikehalduse→paigahaldus']);
    expect(words('kui töötaja klikkis lingil')).toEqual(['klikkis→klõpsama']);
    expect(words('kõrgema kaitsetarbega süsteem ja väga kõrge risk')).toEqual([
      'kõrgema kaitsetarbega→kaitsetarve: tavaline / suur / väga suur',
      'väga kõrge→kaitsetarve: tavaline / suur / väga suur',
    ]);
  });

  it('does not flag correct words that merely contain the letters', () => {
    expect(words('isiklikke seadmeid, juurdepääsu, pilvteenus, klõpsas, suure kaitsetarbe korral')).toEqual([]);
    expect(words('Veebilehe ligipääsetavusnõuded')).toEqual([]);
  });

  it('scans front matter but not keywords, and reports file lines', () => {
    const src = ['---', 'title: Kaugligipääs', 'keywords: [ligipääs, klikk]', 'checklist:', '  - Kontrolli pilveteenuseid.', '---', '', 'Tekst.', 'Kõrge kaitsetarbe korral.'].join('\n');
    expect(findTermIssuesInFile(src, terms).map((i) => `${i.where}:${i.line}:${i.found}`)).toEqual([
      'title:2:Kaugligipääs',
      'checklist.0:5:pilveteenuseid',
      'body:9:Kõrge kaitsetarbe',
    ]);
  });
});

describe('content uses the settled terms', () => {
  const files = allContentFiles();
  it('there is content to scan', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, () => {
      const issues = findTermIssuesInFile(readFileSync(file, 'utf8'), terms);
      expect(issues.map((i) => `${file}:${i.line} (${i.where}): "${i.found}" – kasuta "${i.use}" (terminology.yaml: ${i.notThis})`)).toEqual([]);
    });
  }
});
